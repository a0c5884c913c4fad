using CampaignBot.Core.Features.Members;

namespace CampaignBot.Core.Features.Organisation;

/// <summary>What one sync or change changed.</summary>
public sealed record ContactSyncResult(int UnitsChanged, int MembersChanged, int MembersDeactivated);

/// <summary>
/// Keeps units and members in step with the address book: departments become units (by the mapping table, a unit
/// imported with the department's id, or a new unit "wecom-&lt;id&gt;"), users become registered members of their main
/// department's unit (WeCom knows them by userid; no code). A full sync reads everything; a change event applies one
/// change. Both write only what differs, so repeating either changes nothing.
/// </summary>
public sealed partial class AddressBookSync(
    IAddressBook addressBook,
    IUnitStore units,
    IRosterStore roster,
    IMemberStore members,
    CampaignDefinition campaign,
    IOptions<ContactSyncOptions> options,
    TimeProvider time,
    ILogger<AddressBookSync> logger) : IContactChangeSink
{
    public const string Channel = "wecom";

    private readonly ContactSyncOptions _options = options.Value;

    // One change at a time in this process; the stores' last-writer-wins keeps instances convergent on the next sync.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<ContactSyncResult> SyncAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var departments = await addressBook.ListDepartmentsAsync(cancellationToken);
            var stored = await units.ListAsync(cancellationToken);
            var unitsChanged = await SaveDepartmentsAsync(departments, stored, retireMissing: true, now, cancellationToken);

            var memberships = await addressBook.ListMembershipsAsync(cancellationToken);
            var unitOf = UnitMap(departments, await units.ListAsync(cancellationToken));
            var entries = (await roster.ListAsync(null, cancellationToken)).ToDictionary(e => e.Key, StringComparer.Ordinal);
            int changed = 0, deactivated = 0;
            foreach (var user in memberships.GroupBy(m => m.UserId, StringComparer.Ordinal))
            {
                var entry = entries.GetValueOrDefault(RosterEntry.KeyFor(user.Key, null, null));
                var listedUnits = user.Select(m => unitOf.GetValueOrDefault(m.DepartmentId)).OfType<string>().ToHashSet(StringComparer.Ordinal);

                // Details are read only for users who are new, back, or no longer in their unit; names change by events.
                if (entry is { Active: true } && listedUnits.Contains(entry.UnitId))
                {
                    continue;
                }

                if (await addressBook.GetUserAsync(user.Key, cancellationToken) is { } details && await SaveUserAsync(details, unitOf, entry, now, cancellationToken))
                {
                    changed++;
                }
            }

            var listed = memberships.Select(m => m.UserId).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in entries.Values.Where(e => e is { Active: true, Source: StoredUnit.FromWeCom, WeComUserId: { } id } && !listed.Contains(id)))
            {
                await DeactivateAsync(gone, now, cancellationToken);
                deactivated++;
            }

            LogSynced(logger, departments.Count, listed.Count, unitsChanged, changed, deactivated);
            return new ContactSyncResult(unitsChanged, changed, deactivated);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task ApplyAsync(ContactChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            switch (change.Kind)
            {
                case ContactChangeKind.CreateDepartment or ContactChangeKind.UpdateDepartment:
                    await ApplyDepartmentAsync(change, now, cancellationToken);
                    break;
                case ContactChangeKind.DeleteDepartment:
                    await RetireDepartmentAsync(change.Id, now, cancellationToken);
                    break;
                case ContactChangeKind.DeleteUser:
                    if (await roster.GetAsync(RosterEntry.KeyFor(change.Id, null, null), cancellationToken) is { Active: true } entry)
                    {
                        await DeactivateAsync(entry, now, cancellationToken);
                    }

                    break;
                default:
                    await ApplyUserAsync(change, now, cancellationToken);
                    break;
            }

            LogChange(logger, change.Kind, change.Id);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ApplyDepartmentAsync(ContactChange change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await units.ListAsync(cancellationToken);
        var known = stored.FirstOrDefault(u => u.WeComDepartmentId == change.Id);
        var name = change.Name ?? known?.Name ?? campaign.FindUnit(UnitIdFor(change.Id, stored))?.Name;
        if (name is null)
        {
            // An update that names nothing for a department we never saw: read the whole list instead.
            await SaveDepartmentsAsync(await addressBook.ListDepartmentsAsync(cancellationToken), stored, retireMissing: false, now, cancellationToken);
            return;
        }

        var parent = change.ParentId ?? ParentDepartmentOf(known, stored);
        await SaveDepartmentsAsync([new AddressBookDepartment(change.Id, name, parent)], stored, retireMissing: false, now, cancellationToken);
    }

    private static string? ParentDepartmentOf(StoredUnit? known, IReadOnlyList<StoredUnit> stored) =>
        known?.ParentId is { } parentUnit ? stored.FirstOrDefault(u => u.Id == parentUnit)?.WeComDepartmentId : null;

    private async Task RetireDepartmentAsync(string departmentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await units.ListAsync(cancellationToken);
        if (stored.FirstOrDefault(u => u.WeComDepartmentId == departmentId && u.Active && u.Source == StoredUnit.FromWeCom) is { } unit)
        {
            await units.SaveAsync([unit with { Active = false, UpdatedAt = now }], cancellationToken);
            await UnitTree.RefreshAsync(campaign, units, cancellationToken);
        }
    }

    private async Task ApplyUserAsync(ContactChange change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var userId = change.NewUserId ?? change.Id;
        if (change.NewUserId is { } renamed && renamed != change.Id && await roster.GetAsync(RosterEntry.KeyFor(change.Id, null, null), cancellationToken) is { Active: true } old)
        {
            await DeactivateAsync(old, now, cancellationToken);
        }

        // An event carries only what changed; the user's details fill in the rest (and the custom attributes).
        var details = await addressBook.GetUserAsync(userId, cancellationToken);
        if (details is null)
        {
            return;
        }

        details = details with
        {
            Name = change.Name ?? details.Name,
            Departments = change.Departments ?? details.Departments,
            MainDepartment = change.MainDepartment ?? details.MainDepartment,
        };
        var unitOf = UnitMap(await addressBook.ListDepartmentsAsync(cancellationToken), await units.ListAsync(cancellationToken));
        await SaveUserAsync(details, unitOf, await roster.GetAsync(RosterEntry.KeyFor(userId, null, null), cancellationToken), now, cancellationToken);
    }

    private async Task<int> SaveDepartmentsAsync(IReadOnlyList<AddressBookDepartment> departments, IReadOnlyList<StoredUnit> stored, bool retireMissing, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var byId = stored.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var unitIds = departments.ToDictionary(d => d.Id, d => UnitIdFor(d.Id, stored), StringComparer.Ordinal);
        var changed = new List<StoredUnit>();
        foreach (var department in departments)
        {
            var unitId = unitIds[department.Id];
            var existing = byId.GetValueOrDefault(unitId);
            var file = campaign.FileUnits.FirstOrDefault(u => u.Id == unitId);
            var parent = department.ParentId is { } p && (unitIds.TryGetValue(p, out var parentUnit) || (parentUnit = UnitIdFor(p, stored, mustExist: true)) is not null) && parentUnit != unitId
                ? parentUnit
                : existing?.ParentId ?? file?.ParentId;
            var unit = new StoredUnit
            {
                Id = unitId,
                Name = department.Name,
                Kind = existing?.Kind ?? file?.Kind ?? _options.UnitKind,
                ParentId = parent,
                Start = existing?.Start,
                StartOffsetDays = existing?.StartOffsetDays,
                LinkedGroup = existing?.LinkedGroup,
                WeComDepartmentId = department.Id,
                Active = true,
                Source = existing?.Source ?? StoredUnit.FromWeCom,
                UpdatedAt = now,
            };
            if (existing is null || !existing.SameAs(unit))
            {
                changed.Add(unit);
            }
        }

        if (retireMissing)
        {
            var listed = departments.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            changed.AddRange(stored
                .Where(u => u is { Active: true, Source: StoredUnit.FromWeCom, WeComDepartmentId: { } d } && !listed.Contains(d))
                .Select(u => u with { Active = false, UpdatedAt = now }));
        }

        if (changed.Count > 0)
        {
            await units.SaveAsync(changed, cancellationToken);
            await UnitTree.RefreshAsync(campaign, units, cancellationToken);
        }

        return changed.Count;
    }

    /// <summary>The unit a department stands for: the mapping, a unit carrying its id, the root unit, else "wecom-&lt;id&gt;".</summary>
    private string UnitIdFor(string departmentId, IReadOnlyList<StoredUnit> stored) => UnitIdFor(departmentId, stored, mustExist: false)!;

    private string? UnitIdFor(string departmentId, IReadOnlyList<StoredUnit> stored, bool mustExist)
    {
        if (_options.DepartmentUnits.TryGetValue(departmentId, out var mapped))
        {
            return mapped;
        }

        if (stored.FirstOrDefault(u => u.WeComDepartmentId == departmentId) is { } carrying)
        {
            return carrying.Id;
        }

        if (departmentId == "1" && _options.RootUnit is { } root)
        {
            return root;
        }

        return mustExist ? null : $"wecom-{departmentId}";
    }

    private Dictionary<string, string> UnitMap(IReadOnlyList<AddressBookDepartment> departments, IReadOnlyList<StoredUnit> stored) =>
        departments.ToDictionary(d => d.Id, d => UnitIdFor(d.Id, stored), StringComparer.Ordinal);

    private async Task<bool> SaveUserAsync(AddressBookUser user, Dictionary<string, string> unitOf, RosterEntry? entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var department = user.MainDepartment is { } main && unitOf.ContainsKey(main) ? main : user.Departments.FirstOrDefault(unitOf.ContainsKey);
        if (department is null || campaign.FindUnit(unitOf[department]) is null)
        {
            LogNoUnit(logger, user.UserId);
            return false;
        }

        var memberId = Member.IdFor(Channel, user.UserId);
        var existing = await members.GetAsync(memberId, cancellationToken);
        var next = new RosterEntry
        {
            Key = RosterEntry.KeyFor(user.UserId, null, null),
            Name = Trim(user.Name, RegistrationFlow.MaxNameLength),
            UnitId = unitOf[department],
            HostUnitId = entry?.HostUnitId is { } host && host != unitOf[department] ? host : null,
            Rank = Attribute(user, _options.RankAttribute, campaign.Ranks.Select(r => (r.Code, (ICampaignNamed)r))) ?? entry?.Rank ?? existing?.Rank ?? _options.DefaultRank,
            Role = Attribute(user, _options.RoleAttribute, campaign.Roles.Select(r => (r.Code, (ICampaignNamed)r))) ?? entry?.Role ?? existing?.Role ?? Roles.Member,
            Phone = entry?.Phone,
            WeComUserId = user.UserId,
            TelegramUsername = entry?.TelegramUsername,
            Source = entry?.Source ?? StoredUnit.FromWeCom,
            Active = true,
            UpdatedAt = now,
        };
        var member = MemberImport.Registered(next, memberId, existing, now);
        if (entry is { Active: false } && member is { IsActive: false })
        {
            // Back in the address book after the sync deactivated them: active again, by the same rule as `members activate`.
            member = MemberChanges.Apply(member, new MemberChange.Activate(), campaign, now).Changed!;
        }

        var changed = false;
        if (entry is null || !entry.SameAs(next))
        {
            await roster.SaveAsync([next], cancellationToken);
            changed = true;
        }

        if (existing != member)
        {
            await members.UpsertAsync(member, cancellationToken);
            changed = true;
        }

        return changed;
    }

    private async Task DeactivateAsync(RosterEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await roster.SaveAsync([entry with { Active = false, UpdatedAt = now }], cancellationToken);
        if (entry.WeComUserId is { } userId && await members.GetAsync(Member.IdFor(Channel, userId), cancellationToken) is { IsActive: true } member)
        {
            // The same deactivation as the office's `members deactivate`: records stay, the member can no longer act.
            await members.UpsertAsync(MemberChanges.Apply(member, new MemberChange.Deactivate(), campaign, now).Changed!, cancellationToken);
        }
    }

    /// <summary>The attribute's value when it names a code or a name of the list (a rank, a role); null otherwise.</summary>
    private static string? Attribute(AddressBookUser user, string? attribute, IEnumerable<(string Code, ICampaignNamed Named)> known) =>
        attribute is not null && user.Attributes.TryGetValue(attribute, out var value)
            ? known.FirstOrDefault(k => k.Code == value.Trim() || k.Named.IsCalled(value)).Code
            : null;

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..max];

    [LoggerMessage(Level = LogLevel.Information, Message = "Address book synced: {Departments} departments, {Users} users; {Units} units and {Members} members changed, {Deactivated} deactivated")]
    private static partial void LogSynced(ILogger logger, int departments, int users, int units, int members, int deactivated);

    [LoggerMessage(Level = LogLevel.Information, Message = "Address book change {Kind} {Id} applied")]
    private static partial void LogChange(ILogger logger, ContactChangeKind kind, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Address book user {UserId} is in no department the campaign knows; not synced")]
    private static partial void LogNoUnit(ILogger logger, string userId);
}
