using ErpSaaS.Web.Pages;

namespace ErpSaaS.Web.Administration;

/// <summary>
/// The administration pages' base. E-mailed links no longer take the request's scheme and port: they come from the
/// configured public address (<see cref="ErpSaaS.Tenancy.IPublicUrls"/>).
/// </summary>
public abstract class AdminPageModel : ErpPageModel
{
}
