using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace JourneyReports.Tests;

/// <summary>
/// /api/v1/me, /users, /tokens and /audit: admins manage accounts, everyone their own tokens; every error is problem
/// details naming the problem. No test here makes a second admin: one checks that the last one cannot be demoted.
/// </summary>
public sealed class UsersApiTests(ServerHost host) : IClassFixture<ServerHost>
{
    const string Api = "/api/v1";

    [Fact]
    public async Task Me_SaysWhoIAm_WithRoleAndScope()
    {
        var viewer = host.ClientAs("me-viewer@example.com", Roles.Viewer, "department=Electronics");

        var me = await viewer.GetFromJsonAsync<JsonElement>($"{Api}/me");

        Assert.Equal("me-viewer@example.com", me.GetProperty("email").GetString());
        Assert.Equal("viewer", me.GetProperty("role").GetString());
        Assert.Equal("department=Electronics", me.GetProperty("scope").GetString());
        Assert.False(me.TryGetProperty("passwordHash", out _));
    }

    [Fact]
    public async Task Users_Are401WithoutOrWithABadToken_And403ForAViewer_AsProblemDetails()
    {
        var anonymous = host.AnonymousClient(followRedirects: false);
        var badToken = host.AnonymousClient(followRedirects: false);
        badToken.DefaultRequestHeaders.Authorization = new("Bearer", "jr_not-a-real-token");
        var viewer = host.ClientAs("users-viewer@example.com", Roles.Viewer, "department=Fashion");

        var none = await anonymous.GetAsync($"{Api}/users");
        var bad = await badToken.GetAsync($"{Api}/users");
        var forbidden = await viewer.GetAsync($"{Api}/users");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Contains("unknown, expired or revoked", (await Problem(bad)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType!.MediaType);
        Assert.Contains("viewer", (await Problem(forbidden)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AddUser_Is201_ThenListedAndFound_AndASecondWithTheSameEmailIs409()
    {
        var admin = host.CreateClient();

        var added = await admin.PostAsJsonAsync($"{Api}/users", new { email = "api-analyst@example.com", name = "Ana", role = "analyst", scope = "all" });
        var again = await admin.PostAsJsonAsync($"{Api}/users", new { email = "API-analyst@example.com", role = "analyst", scope = "all" });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var user = await added.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/v1/users/{user.GetProperty("id").GetInt64()}", added.Headers.Location!.OriginalString);
        Assert.Equal("all", user.GetProperty("scope").GetString());
        Assert.False(user.GetProperty("hasPassword").GetBoolean());
        var found = await admin.GetFromJsonAsync<JsonElement>(added.Headers.Location);
        Assert.Equal("Ana", found.GetProperty("name").GetString());
        var list = await admin.GetFromJsonAsync<JsonElement>($"{Api}/users?limit=200");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), u => u.GetProperty("email").GetString() == "api-analyst@example.com");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("there is already an account for API-analyst@example.com", (await Problem(again)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AddUser_WithBadValues_Is422_NamingEachProblemUnderItsField()
    {
        var response = await host.CreateClient().PostAsJsonAsync($"{Api}/users",
            new { email = "not an email", role = "boss", scope = "department=Electronix" });

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var errors = (await Problem(response)).GetProperty("errors");
        Assert.Contains("'not an email' is not an email address", errors.GetProperty("email")[0].GetString());
        Assert.Contains("role 'boss' is not one of admin, analyst, viewer", errors.GetProperty("role")[0].GetString());
        Assert.Contains("the warehouse has no department 'Electronix' (it has: Beauty, Electronics, Fashion,", errors.GetProperty("scope")[0].GetString());
    }

    [Fact]
    public async Task AddUser_WithABodyThatIsNotJson_Is400_AsProblemDetails()
    {
        var response = await host.CreateClient().PostAsync($"{Api}/users", new StringContent("{\"email\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ChangeUser_SetsRoleAndScope_AndKeepsWhatIsLeftOut()
    {
        var admin = host.CreateClient();
        var id = await AddAsync(admin, "change-me@example.com", "viewer", "department=Beauty");

        var changed = await admin.PutAsJsonAsync($"{Api}/users/{id}", new { role = "analyst", scope = "department=Beauty,Fashion; region=Wales" });
        var badScope = await admin.PutAsJsonAsync($"{Api}/users/{id}", new { scope = "colour=Red" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var user = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("analyst", user.GetProperty("role").GetString());
        Assert.Equal("department=Beauty,Fashion; region=Wales", user.GetProperty("scope").GetString());
        Assert.Equal("change-me@example.com", user.GetProperty("name").GetString());
        Assert.Equal((HttpStatusCode)422, badScope.StatusCode);
        Assert.Contains("'colour' is not a filter a scope can restrict", (await Problem(badScope)).GetProperty("errors").GetProperty("scope")[0].GetString());
    }

    [Fact]
    public async Task TheLastAdmin_CannotBeDemotedDisabledOrDeleted_409()
    {
        var admin = host.CreateClient();
        var me = await admin.GetFromJsonAsync<JsonElement>($"{Api}/me");
        var id = me.GetProperty("id").GetInt64();

        var demote = await admin.PutAsJsonAsync($"{Api}/users/{id}", new { role = "viewer", scope = "all" });
        var disable = await admin.PutAsJsonAsync($"{Api}/users/{id}", new { disabled = true });
        var delete = await admin.DeleteAsync($"{Api}/users/{id}");

        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Contains("this is the last admin who can sign in", (await Problem(demote)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Equal("admin", (await admin.GetFromJsonAsync<JsonElement>($"{Api}/me")).GetProperty("role").GetString());
    }

    [Fact]
    public async Task DeleteUser_Is204_ThenTheAccountIs404_AndItsTokenStopsWorking()
    {
        var admin = host.CreateClient();
        var doomed = host.ClientAs("doomed@example.com", Roles.Analyst, "all");
        var id = (await doomed.GetFromJsonAsync<JsonElement>($"{Api}/me")).GetProperty("id").GetInt64();

        var deleted = await admin.DeleteAsync($"{Api}/users/{id}");
        var again = await admin.DeleteAsync($"{Api}/users/{id}");
        var get = await admin.GetAsync($"{Api}/users/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal($"there is no account {id}", (await Problem(get)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await doomed.GetAsync($"{Api}/me")).StatusCode);
    }

    [Fact]
    public async Task AnInvitationLink_FromTheApi_SignsThePersonInOnce()
    {
        var admin = host.CreateClient();
        var id = await AddAsync(admin, "linked@example.com", "viewer", "department=Toys & Books");

        var made = await admin.PostAsJsonAsync($"{Api}/users/{id}/link", new { purpose = "invitation" });
        var wrongPurpose = await admin.PostAsJsonAsync($"{Api}/users/{id}/link", new { purpose = "forever" });
        var noMail = await admin.PostAsJsonAsync($"{Api}/users/{id}/link", new { purpose = "reset", email = true });

        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var link = new Uri((await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!);
        var browser = host.AnonymousClient();
        var first = await browser.GetAsync(link.PathAndQuery);
        Assert.Equal("/account", first.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("linked@example.com", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await host.AnonymousClient().GetAsync(link.PathAndQuery)).StatusCode);
        Assert.Equal((HttpStatusCode)422, wrongPurpose.StatusCode);
        Assert.Contains("not 'forever'", (await Problem(wrongPurpose)).GetProperty("errors").GetProperty("purpose")[0].GetString());
        Assert.Equal((HttpStatusCode)422, noMail.StatusCode);
        Assert.Contains("mail is not configured", (await Problem(noMail)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AToken_IsShownOnceWhenMade_ListedByPrefix_AndRevokedByItsOwnerOnly()
    {
        var owner = host.ClientAs("token-owner@example.com", Roles.Analyst, "all");
        var other = host.ClientAs("token-other@example.com", Roles.Viewer, "department=Beauty");

        var made = await owner.PostAsJsonAsync($"{Api}/tokens", new { name = "nightly export", days = 30 });
        var token = await made.Content.ReadFromJsonAsync<JsonElement>();
        var id = token.GetProperty("id").GetInt64();
        var secret = token.GetProperty("token").GetString()!;
        var script = host.AnonymousClient();
        script.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        var listed = await owner.GetStringAsync($"{Api}/tokens");
        var byOther = await other.DeleteAsync($"{Api}/tokens/{id}");
        var worksBefore = await script.GetAsync($"{Api}/me");
        var revoked = await owner.DeleteAsync($"{Api}/tokens/{id}");
        var twice = await owner.DeleteAsync($"{Api}/tokens/{id}");

        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        Assert.StartsWith("jr_", secret);
        Assert.Contains("\"name\":\"nightly export\"", listed);
        Assert.Contains($"\"prefix\":\"{secret[..10]}\"", listed);
        Assert.DoesNotContain(secret, listed);
        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.OK, worksBefore.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync($"{Api}/me")).StatusCode);
    }

    [Fact]
    public async Task EveryonesTokens_AreForAdmins_AndABadTokenRequestIs422()
    {
        var viewer = host.ClientAs("all-tokens-viewer@example.com", Roles.Viewer, "department=Garden & DIY");

        var all = await host.CreateClient().GetFromJsonAsync<JsonElement>($"{Api}/tokens?all=true&limit=200");
        var refused = await viewer.GetAsync($"{Api}/tokens?all=true");
        var bad = await viewer.PostAsJsonAsync($"{Api}/tokens", new { name = " ", days = 4000 });

        Assert.Contains(all.GetProperty("items").EnumerateArray(), t => t.GetProperty("user").GetString() == "all-tokens-viewer@example.com");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal((HttpStatusCode)422, bad.StatusCode);
        var errors = (await Problem(bad)).GetProperty("errors");
        Assert.Equal("a token needs a name (what it is for)", errors.GetProperty("name")[0].GetString());
        Assert.Equal("a token lives 1 to 365 days, not 4000", errors.GetProperty("days")[0].GetString());
    }

    [Fact]
    public async Task TheAuditLog_IsPagedAndFilteredByAction_ForAdminsOnly()
    {
        var admin = host.CreateClient();
        await AddAsync(admin, "audited-1@example.com", "viewer", "department=Fashion");
        await AddAsync(admin, "audited-2@example.com", "viewer", "department=Fashion");

        var page = await admin.GetFromJsonAsync<JsonElement>($"{Api}/audit?action=user-added&limit=1");
        var next = await admin.GetFromJsonAsync<JsonElement>(page.GetProperty("next").GetString());
        var badLimit = await admin.GetAsync($"{Api}/audit?limit=0");
        var viewer = await host.ClientAs("audit-viewer@example.com", Roles.Viewer, "department=Beauty").GetAsync($"{Api}/audit");

        Assert.Equal(1, page.GetProperty("items").GetArrayLength());
        Assert.True(page.GetProperty("total").GetInt32() >= 3);
        Assert.All(page.GetProperty("items").EnumerateArray().Concat(next.GetProperty("items").EnumerateArray()),
            e => Assert.Equal("user-added", e.GetProperty("action").GetString()));
        Assert.Contains("action=user-added", page.GetProperty("next").GetString());
        Assert.Equal(1, next.GetProperty("offset").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        Assert.Equal("limit must be 1 to 200", (await Problem(badLimit)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
    }

    static async Task<long> AddAsync(HttpClient admin, string email, string role, string scope)
    {
        var response = await admin.PostAsJsonAsync($"{Api}/users", new { email, role, scope });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    static async Task<JsonElement> Problem(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
}
