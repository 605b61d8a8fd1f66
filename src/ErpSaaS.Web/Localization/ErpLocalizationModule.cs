using System.Globalization;
using ErpSaaS.Localization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ErpSaaS.Web.Localization;

public static class ErpLocalizationModule
{
    /// <summary>The localizer over the JSON texts, localized data-annotation and model-binding messages.</summary>
    public static IMvcBuilder AddErpLocalization(this IMvcBuilder mvc)
    {
        var services = mvc.Services;
        services.AddSingleton<ErpStringLocalizer>();
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizer>(sp => sp.GetRequiredService<ErpStringLocalizer>()));
        services.Replace(ServiceDescriptor.Singleton(typeof(IStringLocalizer<>), typeof(ErpStringLocalizer<>)));
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, ErpStringLocalizerFactory>());
        services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedModelBindingMessages>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = ErpLocalizationResources.SupportedCultures.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(ErpLocalizationResources.DefaultCulture);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.ApplyCurrentCultureToResponseHeaders = true;
            // Profile language → the language switch's cookie → the browser's Accept-Language → zh-Hans.
            options.RequestCultureProviders =
            [
                new UserLanguageRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        mvc.AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(ErpStringLocalizer)));
        mvc.AddMvcOptions(options => options.ModelMetadataDetailsProviders.Add(new LocalizedValidationMetadataProvider()));
        return mvc;
    }

    /// <summary>Remembers the chosen language in the culture cookie (read when no profile language decides).</summary>
    public static void RememberCulture(HttpRequest request, HttpResponse response, string culture) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = request.IsHttps });

    private sealed class LocalizedModelBindingMessages(ErpStringLocalizer localizer) : IConfigureOptions<MvcOptions>
    {
        public void Configure(MvcOptions options)
        {
            var messages = options.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, field) => localizer["Validation:AttemptedValueIsInvalid", value, field]);
            messages.SetMissingBindRequiredValueAccessor(field => localizer["Validation:MissingBindRequiredValue", field]);
            messages.SetMissingKeyOrValueAccessor(() => localizer["Validation:MissingKeyOrValue"]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => localizer["Validation:MissingRequestBodyRequiredValue"]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => localizer["Validation:NonPropertyAttemptedValueIsInvalid", value]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => localizer["Validation:NonPropertyUnknownValueIsInvalid"]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => localizer["Validation:NonPropertyValueMustBeANumber"]);
            messages.SetUnknownValueIsInvalidAccessor(field => localizer["Validation:UnknownValueIsInvalid", field]);
            messages.SetValueIsInvalidAccessor(value => localizer["Validation:ValueIsInvalid", value]);
            messages.SetValueMustBeANumberAccessor(field => localizer["Validation:ValueMustBeANumber", field]);
            messages.SetValueMustNotBeNullAccessor(value => localizer["Validation:ValueMustNotBeNull", value]);
        }
    }
}
