namespace JourneyReports.Warehouse;

/// <summary>Streams generated rows into the warehouse's bulk writers, hands out ids in generation order and keeps the summary counts.</summary>
internal sealed class DemoWriter : IDisposable
{
    readonly IBulkWriter _customers, _products, _events, _identities, _orders, _lines, _tickets, _surveys;
    readonly DateTime _end;
    long _nextAnonymous, _nextSession;

    public long Customers { get; private set; }
    public long Events { get; private set; }
    public long Orders { get; private set; }
    public decimal Revenue { get; private set; }
    public long Tickets { get; private set; }
    public long Surveys { get; private set; }

    public DemoWriter(IWarehouseProvider provider, System.Data.Common.DbConnection conn, DateTime end)
    {
        _end = end;
        _customers = provider.BulkWriter(conn, "customers");
        _products = provider.BulkWriter(conn, "products");
        _events = provider.BulkWriter(conn, "events_staging");
        _identities = provider.BulkWriter(conn, "identities");
        _orders = provider.BulkWriter(conn, "orders");
        _lines = provider.BulkWriter(conn, "order_lines");
        _tickets = provider.BulkWriter(conn, "support_tickets");
        _surveys = provider.BulkWriter(conn, "surveys");
    }

    public string NewAnonymousId() => "a-" + ++_nextAnonymous;
    public string NewSessionId() => "s-" + ++_nextSession;
    public long NextOrderId => Orders + 1;

    /// <summary>False (and nothing written) when the moment is after the demo year: the future has not happened yet.</summary>
    public bool InRange(DateTime t) => t < _end;

    public void Customer(long id, string persona, string segment, string region, DateTime signupAt, string acquisitionChannel)
    {
        _customers.Row().Add(id).Add(persona).Add(segment).Add(region)
            .Add(signupAt).Add(acquisitionChannel).End();
        Customers++;
    }

    public void Product(long id, string name, string category, string department, decimal price) =>
        _products.Row().Add(id).Add(name).Add(category).Add(department).Add(price).End();

    public void Event(DateTime at, long? customerId, string anonymousId, string sessionId, string channel, string device, string type, long? productId = null)
    {
        if (at >= _end) return;
        _events.Row().Add(++Events).Add(at).Add(customerId).Add(anonymousId)
            .Add(sessionId).Add(channel).Add(device).Add(type).Add(productId).End();
    }

    public void Identity(string anonymousId, long customerId, DateTime stitchedAt) =>
        _identities.Row().Add(anonymousId).Add(customerId).Add(stitchedAt).End();

    public long Order(long customerId, DateTime at, string channel, bool returned, decimal revenue, DateTime? promised, DateTime? delivered)
    {
        _orders.Row().Add(++Orders).Add(customerId).Add(at).Add(channel)
            .Add(returned ? "returned" : "completed").Add(revenue).Add(promised)
            .Add(delivered < _end ? delivered : null).Add(returned).End();
        Revenue += revenue;
        return Orders;
    }

    public void Line(long orderId, int lineNo, long productId, int quantity, decimal unitPrice, int returnedQuantity) =>
        _lines.Row().Add(orderId).Add(lineNo).Add(productId).Add(quantity)
            .Add(unitPrice).Add(returnedQuantity).End();

    public bool Ticket(long? customerId, DateTime at, string channel, string category, int waitMinutes, bool resolved)
    {
        if (at >= _end) return false;
        _tickets.Row().Add(++Tickets).Add(customerId).Add(at).Add(channel)
            .Add(category).Add(waitMinutes).Add(resolved).End();
        return true;
    }

    public void Survey(long? customerId, DateTime at, string stage, string touchpoint, int? nps, int? csat, int? ces, string? comment)
    {
        if (at >= _end) return;
        _surveys.Row().Add(++Surveys).Add(customerId).Add(at).Add(stage)
            .Add(touchpoint).Add(nps).Add(csat).Add(ces).Add(comment).End();
    }

    public void Dispose()
    {
        foreach (var a in new[] { _customers, _products, _events, _identities, _orders, _lines, _tickets, _surveys }) a.Dispose();
    }
}
