using Microsoft.Extensions.Localization;

namespace ErpSaaS.Web.Administration;

public static class LocalizerExtensions
{
    /// <summary>Seeded roles have translated names ("Role:Admin"); roles a tenant created show as typed.</summary>
    public static string RoleName(this IStringLocalizer localizer, string role) =>
        localizer[$"Role:{role}"] is { ResourceNotFound: false } text ? text.Value : role;
}
