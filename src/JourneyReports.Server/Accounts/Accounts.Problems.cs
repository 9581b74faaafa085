namespace JourneyReports.Server;

public sealed partial class Accounts
{
    /// <summary>
    /// What is wrong with an account change: each problem with the field it is about (email, name, role, scope,
    /// password, disabled, days), for a form to show it beside the field and the API to name it. A conflict (the email
    /// is taken, the last admin) is not a bad value but a clash with what exists.
    /// </summary>
    public sealed class AccountException(IReadOnlyList<string> problems, IReadOnlyList<string>? fields = null, bool conflict = false)
        : Exception(string.Join("; ", problems))
    {
        public IReadOnlyList<string> Problems { get; } = problems;
        public IReadOnlyList<string> Fields { get; } = fields ?? [.. problems.Select(_ => "")];
        public bool IsConflict { get; } = conflict;

        /// <summary>Field → its problems, as problem details' "errors" wants them.</summary>
        public IDictionary<string, string[]> ByField => Problems.Zip(Fields)
            .GroupBy(p => p.Second is { Length: > 0 } f ? f : "account", p => p.First)
            .ToDictionary(g => g.Key, g => g.ToArray());

        public AccountException With(IEnumerable<(string Field, string Problem)> more)
        {
            var all = Problems.Zip(Fields, (p, f) => (Field: f, Problem: p)).Concat(more).ToList();
            return new([.. all.Select(a => a.Problem)], [.. all.Select(a => a.Field)]);
        }

        internal static AccountException Of(IReadOnlyList<(string Field, string Problem)> problems, bool conflict = false) =>
            new([.. problems.Select(p => p.Problem)], [.. problems.Select(p => p.Field)], conflict);
    }
}
