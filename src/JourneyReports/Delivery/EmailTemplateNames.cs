using System.Text.RegularExpressions;
using Fluid;
using Fluid.Ast;

namespace JourneyReports.Delivery;

/// <summary>
/// Finds what Liquid would silently render as nothing: a name that is not among <see cref="EmailTemplateValues"/> and
/// not defined by the template itself (assign, capture, for, ...), a member the values do not have
/// (<c>report.titel</c>, <c>kpi.lable</c> in a loop over <c>kpis</c>), an unknown filter, and includes (email templates
/// read no files). Walks the parsed template; each problem is placed at its first use.
/// </summary>
static class EmailTemplateNames
{
    /// <summary>The shape of a value: an object's members, a list's element, or neither (text and numbers).</summary>
    sealed record Shape(IReadOnlyDictionary<string, Shape>? Members = null, Shape? Element = null, bool IsList = false)
    {
        public static readonly Shape Scalar = new();

        public static Shape Of(object? value) => value switch
        {
            IReadOnlyDictionary<string, object?> d => new Shape(d.ToDictionary(kv => kv.Key, kv => Of(kv.Value))),
            IList<object> l => new Shape(Element: l.Count > 0 ? Of(l[0]) : null, IsList: true),
            _ => Scalar,
        };
    }

    /// <summary>The values' shape, read off the sample (which fills in every list).</summary>
    static readonly Shape Values = Shape.Of(EmailTemplateValues.Sample.ToLiquid());

    /// <summary>Names Liquid itself defines inside loops.</summary>
    static readonly HashSet<string> BuiltIns = ["forloop", "tablerowloop"];

    public static IReadOnlyList<EmailTemplateProblem> Problems(string name, string source, IFluidTemplate template, TemplateOptions options)
    {
        var locals = new Locals();
        locals.VisitTemplate(template);
        var checker = new Checker(name, source, locals.Shapes, options);
        checker.VisitTemplate(template);
        return checker.Found;
    }

    /// <summary>Every name the template defines itself; a loop variable over a known list gets the list's element shape.</summary>
    sealed class Locals : AstVisitor
    {
        public readonly Dictionary<string, Shape?> Shapes = new(StringComparer.Ordinal);

        void Define(string? identifier, Shape? shape = null)
        {
            if (string.IsNullOrEmpty(identifier)) return;
            // Defined twice, differently: its shape is not known, so its members are not checked.
            Shapes[identifier] = Shapes.TryGetValue(identifier, out var known) && known != shape ? null : shape;
        }

        protected override Statement VisitAssignStatement(AssignStatement s) { Define(s.Identifier); return base.VisitAssignStatement(s); }
        protected override Statement VisitCaptureStatement(CaptureStatement s) { Define(s.Identifier); return base.VisitCaptureStatement(s); }
        protected override Statement VisitIncrementStatement(IncrementStatement s) { Define(s.Identifier); return base.VisitIncrementStatement(s); }
        protected override Statement VisitDecrementStatement(DecrementStatement s) { Define(s.Identifier); return base.VisitDecrementStatement(s); }

        protected override Statement VisitMacroStatement(MacroStatement s)
        {
            Define(s.Identifier);
            foreach (var a in s.Arguments) Define(a.Name);
            return base.VisitMacroStatement(s);
        }

        protected override Statement VisitForStatement(ForStatement s)
        {
            Define(s.Identifier, ListElement(s.Source));
            return base.VisitForStatement(s);
        }

        protected override Statement VisitTableRowStatement(TableRowStatement s)
        {
            Define(s.Identifier, ListElement(s.Source));
            return base.VisitTableRowStatement(s);
        }

        static Shape? ListElement(Expression? source)
        {
            if (source is not MemberExpression m || m.Segments.Count == 0 || m.Segments[0] is not IdentifierSegment root) return null;
            if (Values.Members?.GetValueOrDefault(root.Identifier) is not { } shape) return null;
            foreach (var segment in m.Segments.Skip(1))
            {
                if (segment is not IdentifierSegment id || shape.Members?.GetValueOrDefault(id.Identifier) is not { } member) return null;
                shape = member;
            }
            return shape.IsList ? shape.Element : null;
        }
    }

    sealed class Checker(string name, string source, IReadOnlyDictionary<string, Shape?> locals, TemplateOptions options) : AstVisitor
    {
        public readonly List<EmailTemplateProblem> Found = [];
        readonly HashSet<string> reported = new(StringComparer.Ordinal);
        Statement? current;

        public override Statement Visit(Statement statement)
        {
            var outer = current;
            current = statement;
            try { return base.Visit(statement); }
            finally { current = outer; }
        }

        protected override Expression VisitMemberExpression(MemberExpression m)
        {
            Check(m);
            // The base visitor does not look inside indexers (kpis[i]); their expressions may use names too.
            foreach (var segment in m.Segments.OfType<IndexerSegment>()) Visit(segment.Expression);
            return base.VisitMemberExpression(m);
        }

        protected override Expression VisitFilterExpression(FilterExpression f)
        {
            if (!options.Filters.TryGetValue(f.Name, out _))
                Report($"filter '{f.Name}'", $@"\|\s*{Regex.Escape(f.Name)}\b", $"unknown filter '{f.Name}'");
            return base.VisitFilterExpression(f);
        }

        protected override Statement VisitIncludeStatement(IncludeStatement s) => NoFiles(s, "include");
        protected override Statement VisitRenderStatement(RenderStatement s) => NoFiles(s, "render");
        protected override Statement VisitFromStatement(FromStatement s) => NoFiles(s, "from");

        Statement NoFiles(Statement s, string tag)
        {
            Report($"tag {tag}", $@"\b{tag}\b", $"'{tag}' is not available: email templates cannot read other templates or files");
            return s;
        }

        void Check(MemberExpression m)
        {
            if (m.Segments.Count == 0 || m.Segments[0] is not IdentifierSegment root) return;
            var rootName = root.Identifier;
            Shape? shape;
            if (Values.Members!.TryGetValue(rootName, out var value)) shape = value;
            else if (locals.TryGetValue(rootName, out var local)) shape = local;
            else if (BuiltIns.Contains(rootName)) return;
            else
            {
                var hint = Closest(rootName, [.. Values.Members.Keys, .. locals.Keys]) is { } c ? $" (did you mean '{c}'?)" : "";
                Report(rootName, $@"(?<![\w.\]]){Regex.Escape(rootName)}(?!\w)",
                    $"unknown variable '{rootName}'{hint}; the values are: {string.Join(", ", Values.Members.Keys)}");
                return;
            }

            var path = rootName;
            foreach (var segment in m.Segments.Skip(1))
            {
                if (shape is null || shape == Shape.Scalar) return;
                if (segment is IndexerSegment)
                {
                    if (!shape.IsList) return;
                    shape = shape.Element;
                    path += "[]";
                    continue;
                }
                if (segment is not IdentifierSegment id) return;
                var member = id.Identifier;
                if (shape.IsList)
                {
                    if (member is "size") return;
                    if (member is "first" or "last") { shape = shape.Element; path += "." + member; continue; }
                    Report($"{path}.{member}", $@"\.{Regex.Escape(member)}(?!\w)",
                        $"'{path}' is a list: it has no '{member}' (loop over it with for, or use size, first or last)");
                    return;
                }
                if (shape.Members is not { } members) return;
                if (!members.TryGetValue(member, out shape))
                {
                    var hint = Closest(member, members.Keys) is { } c ? $" (did you mean '{c}'?)" : "";
                    Report($"{path}.{member}", $@"\.{Regex.Escape(member)}(?!\w)",
                        $"'{path}' has no '{member}'{hint}; it has: {string.Join(", ", members.Keys)}");
                    return;
                }
                path += "." + member;
            }
        }

        /// <summary>Reports a problem once per <paramref name="key"/>, placed where <paramref name="pattern"/> first matches in the statement, else at the statement.</summary>
        void Report(string key, string pattern, string message)
        {
            if (!reported.Add(key)) return;
            int? offset = null;
#pragma warning disable FLUID001 // see EmailTemplate.Parser: locations only place the problem; without them it has no line
            if (current is { SourceOffset: >= 0 } s && s.SourceOffset < source.Length)
            {
                var length = Math.Max(0, Math.Min(s.SourceLength, source.Length - s.SourceOffset));
                var match = new Regex(pattern).Match(source, s.SourceOffset, length);
                offset = match.Success ? match.Index : s.SourceOffset;
            }
#pragma warning restore FLUID001
            if (offset is not { } o) { Found.Add(new EmailTemplateProblem(name, null, null, message)); return; }
            var before = source.AsSpan(0, o);
            var line = before.Count('\n') + 1;
            var column = o - (before.LastIndexOf('\n') + 1) + 1;
            Found.Add(new EmailTemplateProblem(name, line, column, message));
        }
    }

    /// <summary>The known name nearest to a typo (at most two edits away), if any.</summary>
    static string? Closest(string typo, IEnumerable<string> known) =>
        known.Select(k => (k, d: Distance(typo, k))).Where(x => x.d <= 2 && x.d < typo.Length).OrderBy(x => x.d).Select(x => x.k).FirstOrDefault();

    static int Distance(string a, string b)
    {
        // Optimal string alignment: insertions, deletions, substitutions and swaps of neighbours ("reprot" → "report" is 1).
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
