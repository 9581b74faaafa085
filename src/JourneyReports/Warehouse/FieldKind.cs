namespace JourneyReports.Warehouse;

/// <summary>What a dataset field holds, as far as a visual cares.</summary>
public enum FieldKind { Number, Text, Date, Boolean, List, Record }
