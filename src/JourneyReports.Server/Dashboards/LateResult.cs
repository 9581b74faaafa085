namespace JourneyReports.Server;

/// <summary>
/// An answer made when it is sent, from the request: for what needs the signed-in person (a page's header, an audit
/// line) or async work, where the caller can only hand back an <see cref="IResult"/> (DashboardRuns' callbacks).
/// </summary>
public sealed class LateResult(Func<HttpContext, Task<IResult>> make) : IResult
{
    public async Task ExecuteAsync(HttpContext context) => await (await make(context)).ExecuteAsync(context);
}
