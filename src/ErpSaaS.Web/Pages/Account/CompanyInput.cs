using System.ComponentModel.DataAnnotations;
using ErpSaaS.Tenancy;

namespace ErpSaaS.Web.Pages.Account;

/// <summary>A form that, on the main domain, asks which company (its subdomain); empty means the platform operator.</summary>
public abstract class CompanyInput
{
    [Display(Name = "Account:Company")]
    [StringLength(TenantConsts.MaxSlugLength)]
    public string? Company { get; set; }
}
