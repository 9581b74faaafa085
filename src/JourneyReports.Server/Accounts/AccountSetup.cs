using System.Security.Claims;
using JourneyReports.Catalog;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;

namespace JourneyReports.Server;

/// <summary>
/// Who is asking: a browser signed in with a cookie (by password, one-time link or OpenID Connect), or a script with a
/// personal API token (Authorization: Bearer jr_...). Everything needs one of them except sign-in itself, /healthz and
/// the signed links in emails. Roles gate what may be done; the data scope (see <see cref="Journeys.DataScope"/>)
/// gates which rows, in <see cref="SignedIn"/>.
/// </summary>
public static class AccountSetup
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string TokenScheme = "ApiToken";
    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;
    const string EitherScheme = "CookieOrToken";

    /// <summary>Policies by role: analysts include admins.</summary>
    public const string AdminPolicy = "admin", AnalystPolicy = "analyst";

    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<Accounts>();
        builder.Services.AddSingleton<UserAdmin>();
        var auth = builder.Services.AddAuthentication(EitherScheme)
            .AddPolicyScheme(EitherScheme, "Cookie or API token", p => p.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? TokenScheme : CookieScheme)
            .AddCookie(CookieScheme, c =>
            {
                c.Cookie.Name = "journeyreports";
                c.Cookie.HttpOnly = true;
                c.Cookie.SameSite = SameSiteMode.Lax;
                c.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                c.ExpireTimeSpan = TimeSpan.FromHours(options.SessionHours);
                c.SlidingExpiration = true;
                c.LoginPath = "/signin";
                c.AccessDeniedPath = "/forbidden";
                c.Events.OnValidatePrincipal = RevalidateAsync;
                // Scripts get status codes, not the sign-in page.
                c.Events.OnRedirectToLogin = context => IsApi(context.Request)
                    ? Problem(context.HttpContext, 401, "Not signed in", "Send Authorization: Bearer <token> (make a token on your account page) or sign in.")
                    : Redirect(context);
                c.Events.OnRedirectToAccessDenied = context => IsApi(context.Request) ? Forbidden(context.HttpContext) : Redirect(context);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(TokenScheme, null);
        if (options.OpenIdConnect.Enabled)
            auth.AddOpenIdConnect(OidcScheme, options.OpenIdConnect.DisplayName, o =>
            {
                o.Authority = options.OpenIdConnect.Authority;
                o.ClientId = options.OpenIdConnect.ClientId;
                o.ClientSecret = options.OpenIdConnect.ClientSecret;
                o.ResponseType = "code";
                o.SignInScheme = CookieScheme;
                o.Scope.Add("email");
                o.CallbackPath = "/signin/oidc-callback";
                o.Events.OnTokenValidated = OpenIdSignIn.MapToAccountAsync;
                o.Events.OnRemoteFailure = OpenIdSignIn.ShowFailureAsync;
                o.RequireHttpsMetadata = options.OpenIdConnect.RequireHttpsMetadata;
            });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin))
            .AddPolicy(AnalystPolicy, p => p.RequireRole(Roles.Admin, Roles.Analyst));
    }

    // The API's documentation is a page for people, so it sends them to sign in like the portal's pages.
    static bool IsApi(HttpRequest request) =>
        (request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments(ApiDocs.Path)) || request.Path.StartsWithSegments("/openapi");

    /// <summary>An error as problem details (RFC 9457), as the API answers every error.</summary>
    public static Task Problem(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<Microsoft.AspNetCore.Http.IProblemDetailsService>().WriteAsync(new()
        {
            HttpContext = context,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }

    public static async Task Forbidden(HttpContext context) =>
        await Problem(context, 403, "Not allowed", $"Your role ({(await context.AccountAsync())?.Role ?? "none"}) does not allow this.");

    static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>The claims a session carries: who, and their role as it was when the account last changed.</summary>
    public static ClaimsPrincipal Principal(UserAccount user, string scheme) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new Claim(ClaimTypes.Name, user.Email),
        new Claim(ClaimTypes.Role, user.Role),
        new Claim(Stamp, user.UpdatedAt),
    ], scheme));

    const string Stamp = "journeyreports:account-stamp";

    /// <summary>
    /// Every request's session is checked against the account: a disabled or deleted account is signed out at once,
    /// and a changed role applies from the next request.
    /// </summary>
    static async Task RevalidateAsync(CookieValidatePrincipalContext context)
    {
        var catalog = context.HttpContext.RequestServices.GetRequiredService<ReportCatalog>();
        var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var user = long.TryParse(id, out var userId) ? await catalog.GetUserAsync(userId, context.HttpContext.RequestAborted) : null;
        if (user is null || user.IsDisabled)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
            return;
        }
        context.HttpContext.Items[typeof(UserAccount)] = user;
        if (context.Principal!.FindFirstValue(Stamp) != user.UpdatedAt)
        {
            context.ReplacePrincipal(Principal(user, CookieScheme));
            context.ShouldRenew = true;
        }
    }

    /// <summary>The signed-in account of this request (loaded once per request), or null.</summary>
    public static async Task<UserAccount?> AccountAsync(this HttpContext context)
    {
        if (context.Items.TryGetValue(typeof(UserAccount), out var cached)) return (UserAccount?)cached;
        var id = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var user = context.User.Identity?.IsAuthenticated == true && long.TryParse(id, out var userId)
            ? await context.RequestServices.GetRequiredService<ReportCatalog>().GetUserAsync(userId, context.RequestAborted) : null;
        context.Items[typeof(UserAccount)] = user;
        return user is { IsDisabled: false } ? user : null;
    }
}
