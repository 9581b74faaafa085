namespace JourneyReports.Tests;

/// <summary>
/// A test that needs a real SQL Server: it runs when JOURNEYREPORTS_TEST_SQLSERVER holds a connection string (a login
/// that may create and drop databases), and is otherwise skipped with that reason, which the test run prints — never
/// passed silently. No SQL Server can run on the project's own machine.
/// </summary>
public sealed class SqlServerFactAttribute : FactAttribute
{
    public const string Variable = "JOURNEYREPORTS_TEST_SQLSERVER";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public SqlServerFactAttribute()
    {
        if (ConnectionString is null)
            Skip = $"{Variable} is not set: no SQL Server to run against (none runs on this machine). Set it to a connection string of a login that may create databases to run the SQL Server suite.";
    }
}

/// <summary>A theory that needs a real SQL Server: skipped, with the reason, like <see cref="SqlServerFactAttribute"/>.</summary>
public sealed class SqlServerTheoryAttribute : TheoryAttribute
{
    public SqlServerTheoryAttribute()
    {
        if (SqlServerFactAttribute.ConnectionString is null) Skip = new SqlServerFactAttribute().Skip;
    }
}
