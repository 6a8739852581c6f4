using SalesMentor.App.Domain;

namespace SalesMentor.App.Import.Crm;

/// <summary>
/// Salesforce Task and Event exports (API field names): <c>Id, OwnerId, WhatId, Subject,
/// ActivityDate</c> (Task) or <c>ActivityDateTime</c> (Event), <c>Status, Type, TaskSubtype,
/// IsClosed, CallDurationInSeconds, DurationInMinutes</c>. A task's type comes from TaskSubtype
/// (Call, Email, ListEmail, Task, …), else Type; an event is a meeting. A task is completed when
/// IsClosed is set or its Status is Completed; an event once its day has come. A task without an
/// ActivityDate is dated by its CreatedDate.
/// </summary>
internal sealed class SalesforceActivityFormat : IRecordFormat<ActivityRecord>
{
    private readonly Column _id, _owner, _what, _subject, _date, _dateTime, _created, _status, _type, _subtype, _closed, _callSeconds, _minutes;
    private readonly bool _events;

    private SalesforceActivityFormat(HeaderIndex h)
    {
        _events = IsEventFile(h);
        _id = h.Use("external id", "Id");
        _owner = h.Use("owner", "OwnerId");
        _what = h.Use("related to", "WhatId");
        _subject = h.Use("subject", "Subject");
        _dateTime = _events ? h.Use("date and time", "ActivityDateTime", "StartDateTime") : Column.None;
        _date = h.Use("date", "ActivityDate");
        _created = h.Use("created date", "CreatedDate");
        _status = _events ? Column.None : h.Use("status", "Status");
        _subtype = h.Use("subtype", "TaskSubtype");
        _type = h.Use("type", "Type");
        _closed = _events ? Column.None : h.Use("closed", "IsClosed");
        _callSeconds = h.Use("call seconds", "CallDurationInSeconds");
        _minutes = h.Use("minutes", "DurationInMinutes");
    }

    public string Format => _events ? "salesforce-event" : "salesforce-task";
    public string Source => "salesforce";

    public static OwnerMatch OwnerMatch => OwnerMatch.CrmId;

    /// <summary>True when the file reads a related deal (WhatId), so deals must be looked up.</summary>
    public bool LinksDeals => _what.Exists;

    public static bool Fits(HeaderIndex h) =>
        h.Has("Id") && h.Has("OwnerId") && (h.Has("ActivityDate", "ActivityDateTime", "TaskSubtype", "EventSubtype", "CallDurationInSeconds", "DurationInMinutes") || (h.Has("WhatId") && h.Has("Subject")));

    private static bool IsEventFile(HeaderIndex h) => h.Has("ActivityDateTime", "EventSubtype", "StartDateTime", "DurationInMinutes") && !h.Has("TaskSubtype", "Status", "CallDurationInSeconds");

    public static SalesforceActivityFormat? Bind(HeaderIndex h, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(h);
        var format = new SalesforceActivityFormat(h);
        SalesforceOpportunityFormat.Require(format._id, "Id", "the activity's id, which recognises it on the next import", problems);
        if (!format._date.Exists && !format._dateTime.Exists && !format._created.Exists) problems.Add("The file has no ActivityDate, ActivityDateTime or CreatedDate column: every activity needs a date.");
        return problems.Count == 0 ? format : null;
    }

    public bool IsFooter(IReadOnlyList<string> cells) => false;

    public ActivityRecord Read(RowReader row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var record = new ActivityRecord
        {
            Line = row.Line,
            ExternalId = row.Text(_id, OpportunityRecord.MaxKey, "activity id"),
            OwnerRef = row.Text(_owner, OpportunityRecord.MaxOwner, "owner id"),
            OpportunityRef = row.Text(_what, OpportunityRecord.MaxKey, "related record id"),
            Subject = row.Text(_subject, OpportunityRecord.MaxText, "subject"),
        };
        record.Date = row.IsoDate(_dateTime, "the date and time") ?? row.IsoDate(_date, "the activity date") ?? row.IsoDate(_created, "the created date");
        if (record.Date is null && !row.Bad) row.Problem(_date.Exists ? _date : _dateTime.Exists ? _dateTime : _created, "The activity has no date (ActivityDate, or CreatedDate).");
        var subtype = row.Text(_subtype, 100, "subtype");
        var type = row.Text(_type, 100, "type");
        record.Type = _events ? ActivityType.Meeting : TypeOf(subtype) ?? TypeOf(type) ?? ActivityType.Task;
        var minutes = row.Whole(_minutes, 0, 1_000_000, "duration in minutes");
        var seconds = row.Whole(_callSeconds, 0, int.MaxValue - 30, "call duration in seconds");
        record.DurationMinutes = minutes ?? (seconds is { } s ? (s + 30) / 60 : null);
        record.Completed = _events
            ? record.Date is { } day && day <= row.Org.Today
            : row.Bool(_closed, "IsClosed") || string.Equals(row.Cell(_status)?.Trim(), "Completed", StringComparison.OrdinalIgnoreCase);
        if (record.ExternalId is null && !row.Bad) row.Problem(_id, "The activity id is empty; every row needs one.");
        record.Bad = row.Bad;
        return record;
    }

    public IEnumerable<string> Notices()
    {
        yield return _events ? "Read as Salesforce events: each one is a meeting." : "Read as Salesforce tasks.";
    }

    private static ActivityType? TypeOf(string? value) => value?.ToUpperInvariant() switch
    {
        "CALL" => ActivityType.Call,
        "EMAIL" or "LISTEMAIL" or "EMAIL MESSAGE" => ActivityType.Email,
        "MEETING" or "EVENT" => ActivityType.Meeting,
        "TASK" or "CADENCE" or "TODO" or "TO DO" => ActivityType.Task,
        "OTHER" => ActivityType.Other,
        _ => null,
    };
}
