using DuckDB.NET.Data;

namespace JourneyReports;

/// <summary>Streams generated rows into DuckDB appenders, hands out ids in generation order and keeps the summary counts.</summary>
internal sealed class DemoWriter : IDisposable
{
    readonly DuckDBAppender _customers, _products, _events, _identities, _orders, _lines, _tickets, _surveys;
    readonly DateTime _end;
    long _nextAnonymous, _nextSession;

    public long Customers { get; private set; }
    public long Events { get; private set; }
    public long Orders { get; private set; }
    public decimal Revenue { get; private set; }
    public long Tickets { get; private set; }
    public long Surveys { get; private set; }

    public DemoWriter(DuckDBConnection conn, DateTime end)
    {
        _end = end;
        _customers = conn.CreateAppender("customers");
        _products = conn.CreateAppender("products");
        _events = conn.CreateAppender("events_staging");
        _identities = conn.CreateAppender("identities");
        _orders = conn.CreateAppender("orders");
        _lines = conn.CreateAppender("order_lines");
        _tickets = conn.CreateAppender("support_tickets");
        _surveys = conn.CreateAppender("surveys");
    }

    public string NewAnonymousId() => "a-" + ++_nextAnonymous;
    public string NewSessionId() => "s-" + ++_nextSession;
    public long NextOrderId => Orders + 1;

    /// <summary>False (and nothing written) when the moment is after the demo year: the future has not happened yet.</summary>
    public bool InRange(DateTime t) => t < _end;

    public void Customer(long id, string persona, string segment, string region, DateTime signupAt, string acquisitionChannel)
    {
        _customers.CreateRow().AppendValue(id).AppendValue(persona).AppendValue(segment).AppendValue(region)
            .AppendValue(signupAt).AppendValue(acquisitionChannel).EndRow();
        Customers++;
    }

    public void Product(long id, string name, string category, string department, decimal price) =>
        _products.CreateRow().AppendValue(id).AppendValue(name).AppendValue(category).AppendValue(department).AppendValue(price).EndRow();

    public void Event(DateTime at, long? customerId, string anonymousId, string sessionId, string channel, string device, string type, long? productId = null)
    {
        if (at >= _end) return;
        _events.CreateRow().AppendValue(++Events).AppendValue(at).AppendValue(customerId).AppendValue(anonymousId)
            .AppendValue(sessionId).AppendValue(channel).AppendValue(device).AppendValue(type).AppendValue(productId).EndRow();
    }

    public void Identity(string anonymousId, long customerId, DateTime stitchedAt) =>
        _identities.CreateRow().AppendValue(anonymousId).AppendValue(customerId).AppendValue(stitchedAt).EndRow();

    public long Order(long customerId, DateTime at, string channel, bool returned, decimal revenue, DateTime? promised, DateTime? delivered)
    {
        _orders.CreateRow().AppendValue(++Orders).AppendValue(customerId).AppendValue(at).AppendValue(channel)
            .AppendValue(returned ? "returned" : "completed").AppendValue(revenue).AppendValue(promised)
            .AppendValue(delivered < _end ? delivered : null).AppendValue(returned).EndRow();
        Revenue += revenue;
        return Orders;
    }

    public void Line(long orderId, int lineNo, long productId, int quantity, decimal unitPrice, int returnedQuantity) =>
        _lines.CreateRow().AppendValue(orderId).AppendValue(lineNo).AppendValue(productId).AppendValue(quantity)
            .AppendValue(unitPrice).AppendValue(returnedQuantity).EndRow();

    public bool Ticket(long? customerId, DateTime at, string channel, string category, int waitMinutes, bool resolved)
    {
        if (at >= _end) return false;
        _tickets.CreateRow().AppendValue(++Tickets).AppendValue(customerId).AppendValue(at).AppendValue(channel)
            .AppendValue(category).AppendValue(waitMinutes).AppendValue(resolved).EndRow();
        return true;
    }

    public void Survey(long? customerId, DateTime at, string stage, string touchpoint, int? nps, int? csat, int? ces, string? comment)
    {
        if (at >= _end) return;
        _surveys.CreateRow().AppendValue(++Surveys).AppendValue(customerId).AppendValue(at).AppendValue(stage)
            .AppendValue(touchpoint).AppendValue(nps).AppendValue(csat).AppendValue(ces).AppendValue(comment).EndRow();
    }

    public void Dispose()
    {
        foreach (var a in new[] { _customers, _products, _events, _identities, _orders, _lines, _tickets, _surveys }) a.Dispose();
    }
}
