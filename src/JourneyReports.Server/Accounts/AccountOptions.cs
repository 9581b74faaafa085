namespace JourneyReports.Server;

/// <summary>JourneyReports:Accounts — sign-in, lock-out, links and tokens, and an optional OpenID Connect provider.</summary>
public sealed class AccountOptions
{
    public const string Section = "JourneyReports:Accounts";

    /// <summary>The first admin, made on the first start when there are no accounts; a password here (from the environment, say) is hashed at once.</summary>
    public FirstAdminOptions FirstAdmin { get; set; } = new();

    /// <summary>Failed sign-ins in a row that lock an account, and for how long.</summary>
    public int LockoutAttempts { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>How long the first admin's link (and a password reset) works; an invitation works for <see cref="InvitationDays"/>.</summary>
    public int SignInLinkMinutes { get; set; } = 15;
    public int InvitationDays { get; set; } = 7;

    /// <summary>A signed-in browser's session, renewed while in use.</summary>
    public int SessionHours { get; set; } = 8;

    /// <summary>A personal API token's life when none is asked for, and the longest allowed.</summary>
    public int TokenDays { get; set; } = 90;
    public int MaxTokenDays { get; set; } = 365;

    public int MinPasswordLength { get; set; } = 12;

    public OpenIdConnectOptions OpenIdConnect { get; set; } = new();

    public sealed class FirstAdminOptions
    {
        public string Email { get; set; } = "admin@localhost";
        public string Name { get; set; } = "Administrator";
        public string? Password { get; set; }
    }

    /// <summary>An identity provider (Entra ID, Okta, Keycloak, ...): people sign in there and are mapped to accounts here by email.</summary>
    public sealed class OpenIdConnectOptions
    {
        public string? Authority { get; set; }
        public string? ClientId { get; set; }
        public string? ClientSecret { get; set; }
        public string DisplayName { get; set; } = "single sign-on";

        /// <summary>Whether the provider's metadata must come over HTTPS; only a provider on this machine (a test's) may do without.</summary>
        public bool RequireHttpsMetadata { get; set; } = true;
        public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
    }
}
