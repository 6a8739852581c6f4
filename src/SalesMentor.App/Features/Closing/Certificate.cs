using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Closing;

/// <summary>A completion certificate: the PDF and the name to save it under.</summary>
public sealed record CertificateFile(byte[] Pdf, string FileName);

/// <summary>
/// The completion certificate of a mentorship for one of its two people — the mentee, or the mentor, who keeps it after
/// the end like their own private notes: their name, their part, the other's name, the program and the dates. Nothing of
/// the agreement, the reflections, the sessions or the confidential space. Only for a mentorship closed after its closing
/// conversation (409 <c>certificate.not_available</c> otherwise; an early end has none); 404 for everyone else.
/// </summary>
public sealed class GetCertificate(SalesMentorDb db, Access access)
{
    public async Task<Result<CertificateFile>> HandleAsync(Actor actor, Guid mentorshipId, CancellationToken ct)
    {
        var pair = await access.LoadAsPartyAsync(actor, mentorshipId, ct);
        if (pair is null) return Error.NotFound("mentorship");
        var m = pair.Mentorship;
        if (!ClosingSupport.HasCertificate(m))
        {
            return Error.Conflict("certificate.not_available", "A certificate comes with a mentorship completed after its closing conversation.");
        }

        var names = await db.People.AsNoTracking().Where(p => p.Id == m.MentorId || p.Id == m.MenteeId).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var program = m.ProgramId is { } id ? await db.Programs.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name).SingleOrDefaultAsync(ct) : null;
        var mentee = pair.Side == PairSide.Mentee;
        var (me, other) = mentee ? (names[m.MenteeId], names[m.MentorId]) : (names[m.MentorId], names[m.MenteeId]);
        var pdf = CertificatePdf.Render(new CertificateText(me, mentee ? "as mentee, mentored by" : "as mentor of", other, program, m.StartedOn, m.EndedOn ?? m.StartedOn));
        return new CertificateFile(pdf, $"certificate-{m.EndedOn ?? m.StartedOn:yyyy-MM-dd}.pdf");
    }
}

/// <summary>The words on a certificate.</summary>
internal sealed record CertificateText(string Name, string Part, string Other, string? Program, DateOnly From, DateOnly To);

/// <summary>Draws a one-page A4 landscape certificate with PDFsharp; the text is embedded as Unicode, so it can be searched and copied.</summary>
internal static class CertificatePdf
{
    private static readonly Lock FontLock = new();

    public static byte[] Render(CertificateText t)
    {
        EnsureFonts();
        using var document = new PdfDocument();
        document.Info.Title = "Certificate of mentorship";
        document.Info.Creator = "SalesMentor";
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        page.Orientation = PdfSharp.PageOrientation.Landscape;
        using (var g = XGraphics.FromPdfPage(page))
        {
            var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
            var (w, h) = (page.Width.Point, page.Height.Point);
            g.DrawRectangle(new XPen(XColor.FromArgb(25, 118, 210), 4), 28, 28, w - 56, h - 56);
            var title = new XFont(CertificateFonts.Family, 34, XFontStyleEx.Bold, options);
            var big = new XFont(CertificateFonts.Family, 26, XFontStyleEx.Bold, options);
            var body = new XFont(CertificateFonts.Family, 16, XFontStyleEx.Regular, options);
            var c = CultureInfo.InvariantCulture;
            void Line(string text, XFont font, double y) => g.DrawString(text, font, XBrushes.Black, new XRect(40, y, w - 80, 40), XStringFormats.TopCenter);
            Line("Certificate of mentorship", title, 90);
            Line("This certifies that", body, 170);
            Line(t.Name, big, 205);
            Line("completed a mentorship " + t.Part, body, 260);
            Line(t.Other, big, 290);
            if (t.Program is not null) Line("in the program " + t.Program, body, 345);
            Line(string.Create(c, $"from {t.From:d MMMM yyyy} to {t.To:d MMMM yyyy}."), body, t.Program is null ? 345 : 375);
            Line("SalesMentor", body, h - 110);
        }

        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    private static void EnsureFonts()
    {
        lock (FontLock)
        {
            if (GlobalFontSettings.FontResolver is not CertificateFonts) GlobalFontSettings.FontResolver = new CertificateFonts();
        }
    }
}

/// <summary>
/// The certificate's font: DejaVu Sans or Liberation Sans from the system (Debian's fonts-dejavu-core / fonts-liberation),
/// else the Segoe WP faces shipped inside PDFsharp, so a certificate renders on any server.
/// </summary>
internal sealed class CertificateFonts : IFontResolver
{
    public const string Family = "Certificate Sans";

    private static readonly string[][] Candidates =
    [
        ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"],
        ["/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"],
    ];

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? "bold" : "regular");

    public byte[]? GetFont(string faceName)
    {
        var bold = faceName == "bold";
        foreach (var pair in Candidates)
        {
            var path = pair[bold ? 1 : 0];
            if (File.Exists(path)) return File.ReadAllBytes(path);
        }

        return bold ? PdfSharp.WPFonts.FontDataHelper.SegoeWPBold : PdfSharp.WPFonts.FontDataHelper.SegoeWP;
    }
}

/// <summary>Whether the caller has a certificate of this mentorship to download (the pair, the former mentor included); 404 for everyone else.</summary>
public sealed class HasCertificate(Access access)
{
    public async Task<Result<bool>> HandleAsync(Actor actor, Guid mentorshipId, CancellationToken ct)
    {
        var pair = await access.LoadAsPartyAsync(actor, mentorshipId, ct);
        return pair is null ? Error.NotFound("mentorship") : ClosingSupport.HasCertificate(pair.Mentorship);
    }
}
