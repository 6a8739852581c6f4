using SalesMentor.App;
using SalesMentor.Web.Hosting;

// `--no-demo` is a bare switch, not a configuration key=value: take it out before the
// configuration reads the arguments.
var noDemo = args.Contains("--no-demo");
args = [.. args.Where(a => a != "--no-demo")];

var builder = WebApplication.CreateBuilder(args);
HostConfiguration.AddSharedSources(builder.Configuration, args);
builder.Services.AddSalesMentorApp(builder.Configuration);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter<SalesMentor.Core.Impact.ManagerRole>()));
builder.AddSalesMentorWeb();

var app = builder.Build();
app.UseSalesMentorWeb();
await app.InitializeAsync(noDemo);
await app.RunAsync();

/// <summary>The web host; public so the test host can start it.</summary>
public partial class Program;
