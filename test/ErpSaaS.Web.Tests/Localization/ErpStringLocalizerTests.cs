using System.Globalization;
using ErpSaaS.Web.Localization;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shouldly;
using Xunit;

namespace ErpSaaS.Web.Tests.Localization;

public sealed class ErpStringLocalizerTests
{
    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "ErpSaaS.Web";
        public string ContentRootPath { get; set; } = string.Empty;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private sealed class RecordingLogger : ILogger<ErpStringLocalizer>
    {
        public List<string> Warnings { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning) Warnings.Add(formatter(state, exception));
        }
    }

    private static T InCulture<T>(string culture, Func<T> work)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return work();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void A_key_is_translated_into_the_current_ui_culture_with_its_arguments()
    {
        var localizer = new ErpStringLocalizer(new RecordingLogger(), new Environment(Environments.Production));

        InCulture("zh-Hans", () => localizer["Home:Days", 3].Value).ShouldBe("3 天");
        InCulture("en-GB", () => localizer["Home:Days", 3].Value).ShouldBe("3 days");
    }

    [Fact]
    public void A_missing_key_shows_the_key_and_is_logged_in_development()
    {
        var logger = new RecordingLogger();
        var localizer = new ErpStringLocalizer(logger, new Environment(Environments.Development));

        var text = InCulture("en", () => localizer["Nowhere:Key"]);

        text.Value.ShouldBe("Nowhere:Key");
        text.ResourceNotFound.ShouldBeTrue();
        logger.Warnings.ShouldHaveSingleItem().ShouldContain("Nowhere:Key");
    }

    [Fact]
    public void A_missing_key_is_not_logged_outside_development()
    {
        var logger = new RecordingLogger();
        var localizer = new ErpStringLocalizer(logger, new Environment(Environments.Production));

        InCulture("en", () => localizer["Nowhere:Key"]).Value.ShouldBe("Nowhere:Key");
        logger.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Text_for_another_language_can_be_asked_for_explicitly()
    {
        var localizer = new ErpStringLocalizer(new RecordingLogger(), new Environment(Environments.Production));

        InCulture("en", () => localizer.Get("Email:Greeting", "zh-Hans", "王芳")).ShouldBe("王芳，您好：");
    }
}
