using SalesMentor.App;
using SalesMentor.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
HostConfiguration.AddSharedSources(builder.Configuration, args);
builder.Services.AddSalesMentorApp(builder.Configuration);
builder.AddSalesMentorWeb();

var app = builder.Build();
app.UseSalesMentorWeb();
await app.InitializeAsync(args);
await app.RunAsync();

/// <summary>The web host; public so the test host can start it.</summary>
public partial class Program;
