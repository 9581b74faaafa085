namespace JourneyReports.Tests;

/// <summary>The Markov removal effect on paths small enough to solve by hand; no warehouse needed.</summary>
public sealed class MarkovAttributionTests
{
    [Fact]
    public void RemovalEffects_MatchTheHandWorkedChain()
    {
        // Three journeys: A > B converts, A alone does not, B alone converts.
        // Transitions: start->A 2, start->B 1; A->B 1, A->null 1; B->conv 2.
        //   P(start->A) = 2/3, P(start->B) = 1/3, P(A->B) = 1/2, P(A->null) = 1/2, P(B->conv) = 1.
        // P(conv)            = 2/3 * 1/2 * 1 + 1/3 * 1 = 2/3  (2 of 3 journeys convert, as it must)
        // P(conv | A removed) = 1/3 (start->A now ends in null)        -> effect 1 - (1/3)/(2/3) = 1/2
        // P(conv | B removed) = 0   (every conversion passes through B) -> effect 1 - 0/(2/3)     = 1
        // Normalised: A 0.5 / 1.5 = 1/3, B 1 / 1.5 = 2/3.
        var paths = new List<(string[], long, long)> { (["A", "B"], 1, 0), (["A"], 0, 1), (["B"], 1, 0) };

        var effects = MarkovAttribution.RemovalEffects(paths);
        var shares = MarkovAttribution.Shares(paths);

        Assert.Equal(0.5, effects["A"], 9);
        Assert.Equal(1.0, effects["B"], 9);
        Assert.Equal(1.0 / 3, shares["A"], 9);
        Assert.Equal(2.0 / 3, shares["B"], 9);
    }

    [Fact]
    public void RemovalEffects_FollowLoopsBackToAnEarlierChannel()
    {
        // A > B > A converts once; B does not convert once.
        // start->A 1, start->B 1; A->B 1, A->conv 1; B->A 1, B->null 1.
        // x_A = 1/2 x_B + 1/2, x_B = 1/2 x_A  =>  x_A = 2/3, x_B = 1/3; P(conv) = 1/2 (2/3 + 1/3) = 1/2.
        // A removed: nothing converts -> effect 1. B removed: x_A = 1/2, P = 1/2 * 1/2 = 1/4 -> effect 1/2.
        var effects = MarkovAttribution.RemovalEffects([(["A", "B", "A"], 1, 0), (["B"], 0, 1)]);

        Assert.Equal(1.0, effects["A"], 9);
        Assert.Equal(0.5, effects["B"], 9);
    }

    [Fact]
    public void NothingConverts_NoEffects()
    {
        Assert.Empty(MarkovAttribution.Shares([(["A"], 0, 3)]));
    }
}
