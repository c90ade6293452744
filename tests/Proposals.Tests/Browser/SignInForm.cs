using Microsoft.Playwright;
using Proposals.Tests.Auth;

namespace Proposals.Tests.Browser;

/// <summary>The sign-in page as a person fills it: the name, the password, the 登录 button.</summary>
internal static class SignInForm
{
    /// <summary>Signs <paramref name="user"/> in from the sign-in page <paramref name="page"/> shows, with the user's test password.</summary>
    public static async Task SubmitAsync(IPage page, string user)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Locator("input[name=username]").FillAsync(user);
        await page.Locator("input[name=password]").FillAsync(SignInHost.PasswordOf(user));
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }
}
