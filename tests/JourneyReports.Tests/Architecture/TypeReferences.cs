using Mono.Cecil;
using Mono.Cecil.Cil;

namespace JourneyReports.Tests;

/// <summary>
/// Every type a compiled type refers to — in its base type and interfaces, fields, properties, method signatures,
/// locals, attributes and the instructions of its method bodies — read from the assembly with Mono.Cecil. Compiler-made
/// types (closures, state machines) count as the type they were written in.
/// </summary>
public static class TypeReferences
{
    /// <summary>A reference of <see cref="From"/> to <see cref="To"/>, and where it was seen.</summary>
    public sealed record Reference(string From, string To, string Where)
    {
        public override string ToString() => $"{From} → {To} ({Where})";
    }

    public static IReadOnlyList<Reference> Of(string assemblyPath)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        var found = new Dictionary<(string, string), Reference>();
        foreach (var type in assembly.MainModule.GetTypes())
        {
            var owner = Outermost(type).FullName;
            void Add(TypeReference? t, string where)
            {
                foreach (var name in Names(t))
                    if (name != owner) found.TryAdd((owner, name), new Reference(owner, name, where));
            }
            Add(type.BaseType, "base type");
            foreach (var i in type.Interfaces) Add(i.InterfaceType, "interface");
            foreach (var a in type.CustomAttributes) Add(a.AttributeType, "attribute");
            foreach (var f in type.Fields) Add(f.FieldType, $"field {f.Name}");
            foreach (var p in type.Properties) Add(p.PropertyType, $"property {p.Name}");
            foreach (var m in type.Methods)
            {
                var where = $"{type.Name}.{m.Name}";
                Add(m.ReturnType, where);
                foreach (var p in m.Parameters) Add(p.ParameterType, where);
                foreach (var a in m.CustomAttributes) Add(a.AttributeType, where);
                if (!m.HasBody) continue;
                foreach (var v in m.Body.Variables) Add(v.VariableType, where);
                foreach (var instruction in m.Body.Instructions)
                    switch (instruction.Operand)
                    {
                        case TypeReference t: Add(t, where); break;
                        case MethodReference r:
                            Add(r.DeclaringType, where);
                            Add(r.ReturnType, where);
                            foreach (var p in r.Parameters) Add(p.ParameterType, where);
                            if (r is GenericInstanceMethod g) foreach (var arg in g.GenericArguments) Add(arg, where);
                            break;
                        case FieldReference f: Add(f.DeclaringType, where); Add(f.FieldType, where); break;
                    }
            }
        }
        return [.. found.Values];
    }

    /// <summary>The namespace a type was written in: a nested type's is its outermost declaring type's.</summary>
    public static string NamespaceOf(string fullName) => fullName.LastIndexOf('.') is var i and >= 0 ? fullName[..i] : "";

    static TypeReference Outermost(TypeReference t)
    {
        while (t.DeclaringType is not null) t = t.DeclaringType;
        return t;
    }

    static IEnumerable<string> Names(TypeReference? t)
    {
        switch (t)
        {
            case null or GenericParameter: yield break;
            case GenericInstanceType g:
                foreach (var n in Names(g.ElementType)) yield return n;
                foreach (var a in g.GenericArguments) foreach (var n in Names(a)) yield return n;
                yield break;
            case TypeSpecification s:   // arrays, pointers, by-ref, nullable annotations
                foreach (var n in Names(s.ElementType)) yield return n;
                yield break;
            default:
                yield return Outermost(t).FullName;
                yield break;
        }
    }
}
