using Thirty3.Web;
using Thirty3.Web.Components;
using Thirty3.Web.Opportunities;
using Thirty3.Web.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddWeb();

var app = builder.Build();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseStaticFiles();
app.UseAntiforgery();

app.MapHealthChecks("/health");
app.MapOpportunityExports();
app.MapRazorComponents<App>();

app.Run();
