using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Import;
using SalesMentor.App.Import.Crm;

namespace SalesMentor.App.Features.Imports;

/// <summary>Everything a sales-data import run needs besides the file.</summary>
internal sealed record SalesRequest(
    ImportSettings Settings, ImportMapping? Mapping, IReadOnlyList<StageDecision>? Stages, OrgContext Org, SalesMode Mode, bool SkipBadRows,
    long? MaxBytes, IProgress<long>? Progress, Func<SalesOutcome, CancellationToken, Task>? BeforeCommit, DateTime Now);

/// <summary>
/// Puts a sales-data import together from its settings: which format reads the header (chosen, or
/// recognised from it), which kind of data it becomes, and what may block writing.
/// </summary>
internal static class SalesJobs
{
    public static async Task<SalesOutcome> RunAsync(SalesMentorDb db, SalesRequest request, Stream source, CancellationToken ct)
    {
        var engine = new SalesImporter(db);
        var (settings, org) = (request.Settings, request.Org);
        switch (settings.Kind)
        {
            case ImportKinds.Opportunities:
                var saved = await db.CrmStageMappings.AsNoTracking().Where(m => m.Source == ImportFormats.HubSpot).ToListAsync(ct);
                var book = new StageBook(saved, request.Stages);
                var deals = new OpportunityKind(book);
                var job = new SalesJob<OpportunityRecord, Opportunity>((h, p) => BindOpportunities(h, p, settings.Format, request.Mapping, org, book, deals), deals, org, () => UnknownStages(book));
                return await Run(engine, job, request, source, ct);
            case ImportKinds.Activities:
                var activities = new ActivityKind(SalesforceActivityFormat.OwnerMatch);
                return await Run(engine, new SalesJob<ActivityRecord, Activity>((h, p) => BindActivities(h, p, settings.Format, activities), activities, org), request, source, ct);
            case ImportKinds.Quotas:
                return await Run(engine, new SalesJob<QuotaRecord, Quota>((h, p) => QuotaFormat.Bind(h, p), new QuotaKind(), org), request, source, ct);
            case ImportKinds.ExchangeRates:
                return await Run(engine, new SalesJob<RateRecord, ExchangeRate>((h, p) => RateFormat.Bind(h, p), new RateKind(), org), request, source, ct);
            case ImportKinds.Users:
                return await new UserImporter(db).RunAsync(source, org, request.Mode, request.SkipBadRows, request.MaxBytes, request.Progress, request.BeforeCommit, request.Now, ct);
            default:
                throw new ArgumentException($"'{settings.Kind}' is not a sales-data import.", nameof(request));
        }
    }

    /// <summary>What a header looks like: the kind and format it is recognised as, or null.</summary>
    public static (string Kind, string? Format)? Recognise(HeaderIndex h)
    {
        ArgumentNullException.ThrowIfNull(h);
        if (SalesforceOpportunityFormat.Fits(h)) return (ImportKinds.Opportunities, ImportFormats.Salesforce);
        if (SalesforceReportFormat.Fits(h)) return (ImportKinds.Opportunities, ImportFormats.SalesforceReport);
        if (HubSpotDealFormat.Fits(h)) return (ImportKinds.Opportunities, ImportFormats.HubSpot);
        if (SalesforceUserFormat.Fits(h)) return (ImportKinds.Users, ImportFormats.Salesforce);
        if (SalesforceActivityFormat.Fits(h)) return (ImportKinds.Activities, ImportFormats.Salesforce);
        if (RateFormat.Fits(h)) return (ImportKinds.ExchangeRates, null);
        if (QuotaFormat.Fits(h)) return (ImportKinds.Quotas, null);
        return RosterColumns.Read(h.Headers, []) is not null ? (ImportKinds.Roster, null) : null;
    }

    private static Task<SalesOutcome> Run<TRecord, TEntity>(SalesImporter engine, SalesJob<TRecord, TEntity> job, SalesRequest r, Stream source, CancellationToken ct)
        where TRecord : class, IRecord, new() where TEntity : class =>
        engine.RunAsync(job, source, r.Mode, r.SkipBadRows, r.MaxBytes, r.Progress, r.BeforeCommit, r.Now, ct);

    private static IRecordFormat<OpportunityRecord>? BindOpportunities(
        HeaderIndex h, List<string> problems, string? format, ImportMapping? mapping, OrgContext org, StageBook book, OpportunityKind kind)
    {
        if (mapping is not null || format == ImportFormats.Csv)
        {
            if (mapping is null)
            {
                problems.Add("Reading any CSV needs a column mapping: choose a saved one or make one.");
                return null;
            }

            kind.OwnerMatch = mapping.OwnerMatch;
            return MappingFormat.Bind(h, org, mapping, problems);
        }

        var chosen = format switch
        {
            ImportFormats.SalesforceReport => ImportFormats.SalesforceReport,
            ImportFormats.HubSpot => ImportFormats.HubSpot,
            ImportFormats.Salesforce => SalesforceReportFormat.Fits(h) && !SalesforceOpportunityFormat.Fits(h) ? ImportFormats.SalesforceReport : ImportFormats.Salesforce,
            _ => Recognise(h) is (ImportKinds.Opportunities, { } f) ? f : null,
        };
        switch (chosen)
        {
            case ImportFormats.Salesforce:
                kind.OwnerMatch = SalesforceOpportunityFormat.OwnerMatch;
                return SalesforceOpportunityFormat.Bind(h, org, problems);
            case ImportFormats.SalesforceReport:
                kind.OwnerMatch = SalesforceReportFormat.OwnerMatch;
                return SalesforceReportFormat.Bind(h, org, problems);
            case ImportFormats.HubSpot:
                kind.OwnerMatch = HubSpotDealFormat.OwnerMatch;
                return HubSpotDealFormat.Bind(h, org, book, problems);
            default:
                problems.Add("The columns are not those of a Salesforce export (Id, StageName, IsWon, IsClosed, …), a Salesforce report (Opportunity Name, Stage, Won, Closed, …) " +
                             "or a HubSpot deal export (Record ID, Deal Stage, …). To import deals from another CRM, choose or make a column mapping.");
                return null;
        }
    }

    private static SalesforceActivityFormat? BindActivities(HeaderIndex h, List<string> problems, string? format, ActivityKind kind)
    {
        if (format is not (null or ImportFormats.Salesforce))
        {
            problems.Add("Activities are imported from Salesforce Task and Event exports only.");
            return null;
        }

        if (!SalesforceActivityFormat.Fits(h))
        {
            problems.Add("The columns are not those of a Salesforce Task or Event export (Id, OwnerId, WhatId, Subject, ActivityDate or ActivityDateTime, Status, TaskSubtype, …).");
            return null;
        }

        var bound = SalesforceActivityFormat.Bind(h, problems);
        kind.LinksDeals = bound?.LinksDeals ?? false;
        return bound;
    }

    private static string? UnknownStages(StageBook book)
    {
        var unknown = book.Unknown;
        if (unknown.Count == 0) return null;
        var listed = string.Join("; ", unknown.Take(20).Select(s =>
            $"'{s.Stage}'{(s.Pipeline.Length > 0 ? $" in pipeline '{s.Pipeline}'" : "")} ({s.Rows} row{(s.Rows == 1 ? "" : "s")}; guess: {s.Outcome.ToString().ToLowerInvariant()})"));
        return $"Confirm what {(unknown.Count == 1 ? "this deal stage means" : $"these {unknown.Count} deal stages mean")} (won, lost or open) before importing: {listed}{(unknown.Count > 20 ? "; …" : "")}. " +
               "On the import page choose an outcome for each; on the command line give --stages FILE.";
    }
}
