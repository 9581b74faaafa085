namespace JourneyReports.Tests;

/// <summary>
/// The cache under dashboard results and the scheduler's renderings: each key computed once however many ask at once,
/// nothing failed kept, the least recently used dropped for room. Computations are gated by hand, never timed.
/// </summary>
public sealed class SingleFlightCacheTests
{
    [Fact]
    public async Task TwentyCallers_AskingWhileTheKeyIsComputed_ShareOneComputation()
    {
        using var cache = new SingleFlightCache<string, string>(capacity: 10);
        var gate = new TaskCompletionSource<string>();

        var calls = Enumerable.Range(0, 20).Select(_ => cache.GetAsync("k", _ => gate.Task, default)).ToList();
        gate.SetResult("value");

        Assert.All(await Task.WhenAll(calls), v => Assert.Equal("value", v));
        Assert.Equal(1, cache.Computations);
    }

    [Fact]
    public async Task ACallerThatGivesUp_StopsOnlyItsOwnWait_TheComputationGoesOn_AndIsKept()
    {
        using var cache = new SingleFlightCache<string, string>(capacity: 10);
        var gate = new TaskCompletionSource<string>();
        var computationToken = new CancellationToken(canceled: true);
        using var leaving = new CancellationTokenSource();

        var first = cache.GetAsync("k", token => { computationToken = token; return gate.Task; }, leaving.Token);
        var second = cache.GetAsync("k", _ => throw new InvalidOperationException("not computed twice"), default);
        leaving.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.False(computationToken.IsCancellationRequested);
        gate.SetResult("value");
        Assert.Equal("value", await second);
        Assert.Equal("value", await cache.GetAsync("k", _ => Task.FromResult("again"), default));
        Assert.Equal(1, cache.Computations);
    }

    [Fact]
    public async Task AFailedComputation_IsNotKept_SoTheNextCallComputesAgain()
    {
        using var cache = new SingleFlightCache<string, string>(capacity: 10);

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync("k", _ => Task.FromException<string>(new InvalidOperationException("down")), default));
        var value = await cache.GetAsync("k", _ => Task.FromResult("value"), default);

        Assert.Equal("value", value);
        Assert.Equal(2, cache.Computations);
    }

    [Fact]
    public async Task AValueKeepRefuses_IsReturned_ButNotKept()
    {
        using var cache = new SingleFlightCache<string, string>(capacity: 10);

        var first = await cache.GetAsync("k", _ => Task.FromResult("broken"), default, keep: v => v != "broken");
        var second = await cache.GetAsync("k", _ => Task.FromResult("fine"), default, keep: v => v != "broken");
        var third = await cache.GetAsync("k", _ => Task.FromResult("not asked"), default, keep: v => v != "broken");

        Assert.Equal(["broken", "fine", "fine"], [first, second, third]);
        Assert.Equal(2, cache.Computations);
    }

    [Fact]
    public async Task PastItsCapacity_TheLeastRecentlyUsedKeyIsDropped()
    {
        using var cache = new SingleFlightCache<string, string>(capacity: 2);
        Task<string> Get(string key) => cache.GetAsync(key, _ => Task.FromResult(key), default);

        await Get("a"); await Get("b"); // computed: a, b
        await Get("a");                  // kept; now b is the least recently used
        await Get("c");                  // computed; b dropped for it
        await Get("a");                  // kept
        await Get("b");                  // computed again

        Assert.Equal(4, cache.Computations);
    }

    [Fact]
    public async Task AnEntryOlderThanItsMaxAge_IsComputedAgain()
    {
        var clock = new MovableClock(new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero));
        using var cache = new SingleFlightCache<string, string>(capacity: 10, maxAge: TimeSpan.FromMinutes(2), clock);
        Task<string> Get() => cache.GetAsync("k", _ => Task.FromResult("v"), default);

        await Get();
        clock.Now = clock.Now.AddMinutes(2);   // exactly two minutes old: still kept
        await Get();
        clock.Now = clock.Now.AddSeconds(1);
        await Get();

        Assert.Equal(2, cache.Computations);
    }

    [Fact]
    public async Task CapacityZero_ComputesEveryTime()
    {
        using var cache = new SingleFlightCache<string, string>(capacity: 0);

        await cache.GetAsync("k", _ => Task.FromResult("v"), default);
        await cache.GetAsync("k", _ => Task.FromResult("v"), default);

        Assert.Equal(2, cache.Computations);
    }
}
