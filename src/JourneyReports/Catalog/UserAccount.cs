using JourneyReports.Journeys;

namespace JourneyReports.Catalog;

/// <summary>Someone who signs in, with their role and the rows they may see.</summary>
public sealed record UserAccount(long UserId, string Email, string Name, string Role, string Scope, string? PasswordHash, long FailedSignIns,
    string? LockedUntil, long Disabled, string CreatedAt, string UpdatedAt, string? LastSignInAt)
{
    public DataScope DataScope => DataScope.FromJson(Scope);
    public bool IsDisabled => Disabled != 0;
}

/// <summary>What a signed-in person may do: everything (admin), definitions, subscriptions and runs (analyst), or look (viewer).</summary>
public static class Roles
{
    public const string Admin = "admin", Analyst = "analyst", Viewer = "viewer";
    public static readonly IReadOnlyList<string> All = [Admin, Analyst, Viewer];
}

/// <summary>A personal API token as listed (the token itself is shown once, when made, and never kept).</summary>
public sealed record ApiTokenRecord(long TokenId, long UserId, string Name, string Prefix, string CreatedAt, string ExpiresAt, string? RevokedAt, string? LastUsedAt);

/// <summary>One line of the audit log.</summary>
public sealed record AuditEntry(long AuditId, string At, string Actor, string Action, string? Target, string? Detail, string? Address);

/// <summary>Why a one-time sign-in link was made.</summary>
public static class SignInLinkPurpose
{
    public const string FirstAdmin = "first-admin", Invitation = "invitation", Reset = "reset";
}

/// <summary>A one-time link as it was used: whose, and what for.</summary>
public sealed record SignInLinkUse(long UserId, string Purpose);

public sealed record UserCounts(long Users, long Admins);
