using System.Text.Json;
using ErpSaaS.Common;
using ErpSaaS.EntityFrameworkCore;
using ErpSaaS.Errors;
using ErpSaaS.Features;
using ErpSaaS.Identity;
using ErpSaaS.Permissions;
using ErpSaaS.TestBase;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ErpSaaS.Application.Tests.Identity;

public sealed class UserManagementTests(ErpTestFixture fixture) : IClassFixture<ErpTestFixture>, IAsyncLifetime
{
    private string _slug = null!;
    private Guid _acme;
    private Guid _acmeAdmin;

    public async Task InitializeAsync()
    {
        _slug = "acme-" + Guid.NewGuid().ToString("N")[..6];
        _acme = await fixture.Given.Tenant(_slug);
        _acmeAdmin = await fixture.Given.User(_acme, "admin", StaticRoles.Admin);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<T> AsAdmin<T>(Func<IUserAppService, Task<T>> work) =>
        fixture.AsUserAsync(_acme, _acmeAdmin, sp => work(sp.GetRequiredService<IUserAppService>()));

    [Fact]
    public async Task Inviting_a_user_creates_them_without_a_password_and_queues_the_invitation_mail()
    {
        var invited = await AsAdmin(users => users.InviteAsync(
            new InviteUserInput { Email = "lily@acme.test", DisplayName = "Lily Chen", Roles = [StaticRoles.Purchaser] }));

        invited.IsInvitationPending.ShouldBeTrue();
        invited.UserName.ShouldBe("lily@acme.test");
        invited.Roles.ShouldBe([StaticRoles.Purchaser]);
        var mail = await fixture.InScopeAsync(_acme, sp => sp.GetRequiredService<ErpDbContext>().OutboxMessages.SingleAsync(m => m.Type == ErpSaaS.Emailing.EmailMessage.OutboxType));
        using var payload = JsonDocument.Parse(mail.Payload);
        payload.RootElement.GetProperty("to").GetString().ShouldBe("lily@acme.test");
        payload.RootElement.GetProperty("subject").GetString().ShouldNotBeNullOrWhiteSpace();
        var link = $"https://{_slug}.localhost:8443/account/accept-invitation?userId={invited.Id}&code=";
        payload.RootElement.GetProperty("textBody").GetString()!.ShouldContain(link);
        payload.RootElement.GetProperty("htmlBody").GetString()!.ShouldContain(System.Net.WebUtility.HtmlEncode(link));
    }

    [Fact]
    public async Task The_invitation_code_is_a_password_reset_token_for_the_invited_user()
    {
        var invited = await AsAdmin(users => users.InviteAsync(new InviteUserInput { Email = "code@acme.test", DisplayName = "Code" }));
        var text = await fixture.InScopeAsync(_acme, async sp =>
        {
            var mails = await sp.GetRequiredService<ErpDbContext>().OutboxMessages.Where(m => m.Type == ErpSaaS.Emailing.EmailMessage.OutboxType).ToListAsync();
            var payload = JsonDocument.Parse(mails.Single(m => m.Payload.Contains("code@acme.test", StringComparison.Ordinal)).Payload);
            return payload.RootElement.GetProperty("textBody").GetString()!;
        });
        var code = Uri.UnescapeDataString(text.Split("code=")[1].Split('\n')[0].Trim());
        var token = System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(code));

        var accepted = await fixture.InScopeAsync(_acme, async sp =>
        {
            var manager = sp.GetRequiredService<UserManager<AppUser>>();
            return await manager.ResetPasswordAsync((await manager.FindByIdAsync(invited.Id.ToString()))!, token, "Welcome1!");
        });

        accepted.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Inviting_beyond_the_plans_user_limit_is_refused_naming_the_limit()
    {
        var small = await fixture.Given.Tenant("small-" + Guid.NewGuid().ToString("N")[..6], PlanCodes.Starter);
        var admin = await fixture.Given.User(small, "admin", StaticRoles.Admin);
        await fixture.Given.User(small, "second");
        Task<UserDetailDto> Invite(string email) => fixture.AsUserAsync(small, admin, sp =>
            sp.GetRequiredService<IUserAppService>().InviteAsync(new InviteUserInput { Email = email, DisplayName = email }));
        await Invite("third@small.test");

        var refused = await Should.ThrowAsync<BusinessException>(() => Invite("fourth@small.test"));

        refused.Code.ShouldBe(ErrorCodes.FeatureLimitReached);
        refused.Args.ShouldBe([ErpFeatures.MaxUsers, 3, 3]);
    }

    [Fact]
    public async Task A_deactivated_user_frees_a_seat_and_reactivating_is_limited_again()
    {
        var small = await fixture.Given.Tenant("seats-" + Guid.NewGuid().ToString("N")[..6], PlanCodes.Starter);
        var admin = await fixture.Given.User(small, "admin", StaticRoles.Admin);
        var second = await fixture.Given.User(small, "second");
        var third = await fixture.Given.User(small, "third");
        Task Act(Func<IUserAppService, Task> work) => fixture.AsUserAsync(small, admin, sp => work(sp.GetRequiredService<IUserAppService>()));

        await Act(users => users.DeactivateAsync(third));
        await Act(users => users.InviteAsync(new InviteUserInput { Email = "new@seats.test", DisplayName = "New" }));
        var refused = await Should.ThrowAsync<BusinessException>(() => Act(users => users.ActivateAsync(third)));

        refused.Code.ShouldBe(ErrorCodes.FeatureLimitReached);
        await Act(users => users.DeactivateAsync(second));
        await Act(users => users.ActivateAsync(third));
        (await fixture.AsUserAsync(small, admin, sp => sp.GetRequiredService<IUserAppService>().GetAsync(third))).IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task An_e_mail_already_used_in_the_tenant_is_a_field_error_but_another_tenant_may_use_it()
    {
        await AsAdmin(users => users.InviteAsync(new InviteUserInput { Email = "dup@acme.test", DisplayName = "Dup" }));

        var duplicate = await Should.ThrowAsync<BusinessException>(() =>
            AsAdmin(users => users.InviteAsync(new InviteUserInput { Email = "DUP@acme.test", UserName = "other", DisplayName = "Dup" })));
        var globex = await fixture.Given.Tenant("globex-" + Guid.NewGuid().ToString("N")[..6]);
        var globexAdmin = await fixture.Given.User(globex, "admin", StaticRoles.Admin);
        var elsewhere = await fixture.AsUserAsync(globex, globexAdmin, sp => sp.GetRequiredService<IUserAppService>()
            .InviteAsync(new InviteUserInput { Email = "dup@acme.test", DisplayName = "Dup" }));

        duplicate.Code.ShouldBe(ErrorCodes.UserEmailTaken);
        duplicate.Field.ShouldBe(nameof(InviteUserInput.Email));
        elsewhere.Email.ShouldBe("dup@acme.test");
    }

    [Fact]
    public async Task A_user_name_already_taken_in_the_tenant_is_a_field_error()
    {
        var error = await Should.ThrowAsync<BusinessException>(() =>
            AsAdmin(users => users.InviteAsync(new InviteUserInput { Email = "fresh@acme.test", UserName = "admin", DisplayName = "X" })));

        error.Code.ShouldBe(ErrorCodes.UserNameTaken);
        error.Field.ShouldBe(nameof(InviteUserInput.UserName));
    }

    [Fact]
    public async Task Admins_cannot_deactivate_themselves()
    {
        var error = await Should.ThrowAsync<BusinessException>(() => AsAdmin(async users => { await users.DeactivateAsync(_acmeAdmin); return true; }));

        error.Code.ShouldBe(ErrorCodes.CannotLockYourself);
    }

    [Fact]
    public async Task A_viewer_calling_user_management_is_forbidden()
    {
        var viewer = await fixture.Given.User(_acme, "viewer-" + Guid.NewGuid().ToString("N")[..6]);
        Task Act(Func<IUserAppService, Task> work) => fixture.AsUserAsync(_acme, viewer, sp => work(sp.GetRequiredService<IUserAppService>()));

        (await Should.ThrowAsync<AuthorizationException>(() => Act(u => u.GetListAsync(new UserListQuery())))).Permission.ShouldBe(ErpPermissions.Identity.Users);
        await Should.ThrowAsync<AuthorizationException>(() => Act(u => u.InviteAsync(new InviteUserInput { Email = "x@y.test", DisplayName = "X" })));
        await Should.ThrowAsync<AuthorizationException>(() => Act(u => u.DeactivateAsync(_acmeAdmin)));
    }

    [Fact]
    public async Task An_admin_of_one_tenant_cannot_load_or_change_a_user_of_another_by_id()
    {
        var globex = await fixture.Given.Tenant("globex-" + Guid.NewGuid().ToString("N")[..6]);
        var globexUser = await fixture.Given.User(globex, "victim");

        await Should.ThrowAsync<EntityNotFoundException>(() => AsAdmin(users => users.GetAsync(globexUser)));
        await Should.ThrowAsync<EntityNotFoundException>(() => AsAdmin(async users => { await users.DeactivateAsync(globexUser); return true; }));
        var list = await AsAdmin(users => users.GetListAsync(new UserListQuery { Search = "victim" }));
        list.TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task The_user_list_searches_filters_sorts_and_pages_in_the_database()
    {
        foreach (var name in new[] { "amy", "bob", "cathy" }) await fixture.Given.User(_acme, "list-" + name);
        await AsAdmin(users => users.InviteAsync(new InviteUserInput { Email = "list-dora@acme.test", DisplayName = "list-dora" }));

        var firstPage = await AsAdmin(users => users.GetListAsync(new UserListQuery { Search = "LIST-", Sort = "userName", Desc = true, PageSize = 2 }));
        var invited = await AsAdmin(users => users.GetListAsync(new UserListQuery { Search = "list-", Status = UserStatusFilter.Invited }));
        var wildcard = await AsAdmin(users => users.GetListAsync(new UserListQuery { Search = "%" }));

        firstPage.TotalCount.ShouldBe(4);
        firstPage.PageCount.ShouldBe(2);
        firstPage.Items.Select(u => u.UserName).ShouldBe(["list-dora@acme.test", "list-cathy"]);
        invited.Items.Select(u => u.UserName).ShouldBe(["list-dora@acme.test"]);
        wildcard.TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task Changing_roles_and_unlocking_a_locked_out_user()
    {
        var keeper = await fixture.Given.User(_acme, "keeper-" + Guid.NewGuid().ToString("N")[..6]);
        await fixture.InScopeAsync(_acme, async sp =>
        {
            var manager = sp.GetRequiredService<UserManager<AppUser>>();
            await manager.SetLockoutEndDateAsync((await manager.FindByIdAsync(keeper.ToString()))!, fixture.Clock.GetUtcNow().AddHours(1));
        });

        await AsAdmin(async users => { await users.UpdateRolesAsync(keeper, [StaticRoles.WarehouseKeeper, StaticRoles.Purchaser]); return true; });
        await AsAdmin(async users => { await users.UnlockAsync(keeper); return true; });
        var user = await AsAdmin(users => users.GetAsync(keeper));

        user.Roles.ShouldBe([StaticRoles.Purchaser, StaticRoles.WarehouseKeeper]);
        user.LockoutEnd.ShouldBeNull();
    }
}
