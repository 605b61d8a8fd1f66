using System.ComponentModel.DataAnnotations;

namespace ErpSaaS.Web.Pages.Account;

/// <summary>A new password typed twice: resetting it, accepting an invitation, changing it on the profile.</summary>
public class SetPasswordInput
{
    [Required]
    [StringLength(128)]
    [DataType(DataType.Password)]
    [Display(Name = "Account:NewPassword")]
    public string NewPassword { get; set; } = string.Empty;

    [Required]
    [DataType(DataType.Password)]
    [Compare(nameof(NewPassword))]
    [Display(Name = "Account:ConfirmPassword")]
    public string ConfirmPassword { get; set; } = string.Empty;
}
