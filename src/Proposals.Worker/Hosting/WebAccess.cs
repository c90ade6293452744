using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Proposals.Storage;
using Proposals.Worker.Hosting.Auth;

namespace Proposals.Worker.Hosting;

/// <summary>
/// What stands in front of the dashboard and the endpoints: the host allow-list, the dashboard's
/// language, sign-in and the two roles. Each part is a file of its own; this puts them in order.
/// </summary>
internal static class WebAccess
{
    /// <summary>Reads and checks <c>Auth</c> and <c>AllowedHosts</c>, and registers sign-in.</summary>
    public static IServiceCollection AddProposalsWeb(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var dashboard = configuration.GetSection("Dashboard").Get<DashboardOptions>() ?? new DashboardOptions();
        var problems = auth.Validate().ToList();
        if (problems.Count > 0) throw new SettingsException(problems);
        var hosts = AllowedHosts.From(configuration, dashboard);

        services.AddSingleton(auth);
        services.AddSingleton(new UserStore(auth));
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<SignInQueue>();
        services.AddSingleton(sp => new SessionRevocationStore(sp.GetRequiredService<LedgerDatabase>()));
        services.AddSingleton<SessionRevocations>();
        services.Configure<HostFilteringOptions>(options => options.AllowedHosts = hosts.ToList());
        // One application name wherever the program is installed: the keys are the ledger's (LedgerKeyRing),
        // and a name taken from the install folder would still set workers on different paths apart.
        services.AddDataProtection().SetApplicationName("Proposals");
        services.AddOptions<KeyManagementOptions>().Configure<SecretStore>((options, secrets) => options.XmlRepository = new LedgerKeyRing(secrets));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "proposals-antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Its SAMEORIGIN would stand before the DENY that SecurityHeaders gives every page.
            options.SuppressXFrameOptionsHeader = true;
        });
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options => CookieSession.Configure(options, auth));
        services.AddAuthorization();
        return services;
    }

    /// <summary>Puts the host check, the dashboard's culture, sign-in and the role rule in the pipeline, and maps /login and /logout.</summary>
    public static WebApplication UseProposalsWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Before sign-in, so that a challenge or a refusal carries them too (a wrong Host is refused
        // earlier still, by the host builder's own filter, with an empty 400).
        app.UseMiddleware<SecurityHeaders>();
        // The default host builder puts host filtering first already; saying it here keeps the rule
        // if the builder changes, and checks the same options.
        app.UseHostFiltering();
        app.UseMiddleware<DashboardCulture>();
        app.UseAuthentication();
        app.UseMiddleware<SignInGate>();
        app.UseMiddleware<Desk.UploadLimits>();
        app.UseMiddleware<MalformedForms>();
        app.UseMiddleware<ViewerReadsOnly>();
        // Nothing here names a policy; an endpoint added later may, and then needs this middleware.
        app.UseAuthorization();
        SignInEndpoints.Map(app);
        DashboardCulture.RegisterDatesScript();
        SignOutLink.Register();

        var users = app.Services.GetRequiredService<UserStore>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Proposals.SignIn");
        if (!users.Enabled)
        {
            SignInLog.Off(logger);
        }
        else
        {
            var open = string.Join(", ", PublicPaths.Exact.Select(p => p.Value).Concat(PublicPaths.Prefixes.Select(p => p.Value + "/...")));
            var hosts = app.Services.GetRequiredService<IOptions<HostFilteringOptions>>().Value.AllowedHosts;
            SignInLog.On(logger, open, users.Count(Roles.Coordinator), users.Count(Roles.Viewer), string.Join(", ", hosts));
        }
        return app;
    }
}
