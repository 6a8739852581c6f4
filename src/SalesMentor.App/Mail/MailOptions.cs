using MailKit.Security;
using Microsoft.Extensions.Configuration;

namespace SalesMentor.App.Mail;

/// <summary>
/// SMTP settings (configuration section <c>Mail</c>). Without a <see cref="Host"/>, mail is written
/// to the server log instead of being sent — that is how invitation and reset links reach the
/// operator of a machine with no mail server, and never the admin's screen.
/// </summary>
public sealed class MailOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary><c>Auto</c>, <c>None</c>, <c>SslOnConnect</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c>.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "salesmentor@localhost";
    public string FromName { get; set; } = "SalesMentor";

    /// <summary>The address people use to reach the app; links in mail start with it.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How often the sender looks for due mail, in seconds (it is also woken on new mail).</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>After this many failed attempts a message is marked failed.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>First retry delay in seconds; doubles per attempt, capped at one hour.</summary>
    public double RetryBaseSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public static MailOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new MailOptions();
        configuration.GetSection("Mail").Bind(options);
        return options;
    }
}
