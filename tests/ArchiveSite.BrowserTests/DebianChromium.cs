using Microsoft.Playwright;

namespace ArchiveSite.BrowserTests;

/// <summary>
/// Launches Debian's chromium for the browser tests. Browsers are never downloaded, and the background
/// networking flags keep chromium from reaching out of this closed machine on its own.
/// </summary>
static class DebianChromium
{
    const string ExecutablePath = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} is missing: install Debian's chromium (apt-get install -y chromium chromium-driver); browsers are never downloaded");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }
}
