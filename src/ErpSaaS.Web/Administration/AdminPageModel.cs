using ErpSaaS.Common;
using ErpSaaS.Web.Pages;

namespace ErpSaaS.Web.Administration;

/// <summary>The administration pages' base: <see cref="ErpPageModel"/> plus the request's origin for e-mailed links.</summary>
public abstract class AdminPageModel : ErpPageModel
{
    /// <summary>The scheme and port this request came in on, for links in e-mails.</summary>
    protected RequestOrigin Origin => new(Request.Scheme, Request.Host.Port);
}
