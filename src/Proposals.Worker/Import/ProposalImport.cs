using Proposals.Domain.Calendar;
using Proposals.Domain.Deadlines;
using Proposals.Domain.Ledger;
using Proposals.Storage;
using C = Proposals.Worker.Import.ProposalColumns;

namespace Proposals.Worker.Import;

/// <summary>
/// Imports a ledger of suggestions and proposals (建议提案台账) as a stream: rows are read and checked
/// a chunk at a time, each chunk's identities looked up in the ledger once, and the chunk written
/// into the import's one transaction, so that memory holds a chunk, the problems reported and the
/// file's identities (compactly), never the file. A problem anywhere means nothing is written: the
/// caller commits only a result that is <see cref="ProposalImportResult.Ok"/>.
/// </summary>
internal sealed class ProposalImport(ProposalImportSettings settings)
{
    // Large enough that a lookup and a batch carry many rows, small enough to be nothing in memory.
    private const int ChunkSize = 1000;

    /// <summary>Told the number of rows written so far after each chunk is written.</summary>
    public Action<long>? Written { get; init; }

    /// <summary>Reads, checks and writes the whole file.</summary>
    /// <exception cref="ImportFileException">The file cannot be read past some row, breaks a limit, or has no rows.</exception>
    /// <exception cref="OperationCanceledException">Cancelled: the caller's transaction holds a part, to be rolled back.</exception>
    public async Task<ProposalImportResult> RunAsync(IItemLedger ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var options = settings.Options;
        using var sheet = LedgerSheet.Open(settings.Path, options);
        using var rows = sheet.Rows(cancellationToken).GetEnumerator();
        var (header, afterHeader) = HeaderMap.Find(rows, C.All, settings.Path);
        var run = new Run(settings, header, ledger, Written);
        foreach (var note in ImportNotes.Of(header)) run.Report.Note(note);

        var reader = new ProposalRow(settings.KnownDivisions);
        var identities = new FileIdentities();
        var dataRows = 0;
        try
        {
            foreach (var sheetRow in afterHeader.Concat(Rest(rows)))
            {
                if (sheetRow.IsEmpty) continue;
                if (++dataRows > options.MaxRows) throw ImportLimits.TooManyRows(settings.Path, sheetRow.Number, options);
                var draft = reader.Read(new LedgerRow(sheetRow, header, run.Problems, options.MaxFieldLength));
                if (draft.Key is { } key && identities.SeenBefore(key, sheetRow.Number) is { } first)
                {
                    draft.Row.Problem(C.Number, $"编号重复: {CellText.Quote(key.Number)}（与第 {first} 行的 {key} 相同） (duplicate number: {CellText.Quote(key.Number)}, as in row {first})");
                }
                run.Chunk.Add(draft);
                if (run.Chunk.Count == ChunkSize) await run.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            await run.FlushAsync(cancellationToken).ConfigureAwait(false);
            await run.WrittenAsync().ConfigureAwait(false);
        }
        catch
        {
            // The caller rolls the transaction back: the chunk still being written must be done with it first.
            await run.SettledAsync().ConfigureAwait(false);
            throw;
        }
        if (dataRows == 0)
        {
            throw new ImportFileException($"第 {header.RowNumber} 行表头之后没有可导入的行，未写入任何数据 (nothing to import: the file has a header but no rows): {settings.Path}");
        }
        return new ProposalImportResult(run.Report, run.Outcome, dataRows, run.MissingYears, header.Absent(C.All)) { Unacknowledged = run.Unacknowledged };
    }

    private static IEnumerable<SheetRow> Rest(IEnumerator<SheetRow> rows)
    {
        while (rows.MoveNext()) yield return rows.Current;
    }

    /// <summary>The state of one import between chunks.</summary>
    private sealed class Run(ProposalImportSettings settings, HeaderMap header, IItemLedger ledger, Action<long>? written)
    {
        private readonly IReadOnlySet<string> _absent = header.Absent(C.All);
        private readonly Renumbering? _renumbering = settings.AllowRenumber ? null : new Renumbering(ledger);
        private readonly Dictionary<(int, int), IReadOnlyList<int>> _missingYears = [];
        private long _written;
        // The chunk being written while the next is read: the database works on one core, reading and checking on the other.
        private Task _writing = Task.CompletedTask;

        public ImportReport Report { get; } = new(settings.Options.MaxProblemsReported);
        public List<ProposalDraft> Chunk { get; } = new(ChunkSize);
        public List<ImportProblem> Problems { get; } = [];
        public UpsertOutcome Outcome { get; private set; } = new(0, 0, 0);
        public SortedSet<int> MissingYears { get; } = [];

        /// <summary>Open items the file leaves without 签收日期: past Reminders:AcknowledgeWindowWorkingDays they get no 签收 reminder.</summary>
        public int Unacknowledged { get; private set; }

        /// <summary>Waits for the chunk being written.</summary>
        public Task WrittenAsync() => _writing;

        /// <summary>Waits for the chunk being written, whatever its end: the import has already failed otherwise.</summary>
        public async Task SettledAsync()
        {
            try
            {
                await _writing.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The failure that stopped the import is the one to report.
            }
        }

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (Chunk.Count == 0) return;
            // One connection: the chunk before must be written before this one is looked up.
            await _writing.ConfigureAwait(false);
            var keys = Chunk.Where(d => d.Key is not null).Select(d => d.Key!).Distinct().ToList();
            var stored = await ledger.FindAsync(keys, cancellationToken).ConfigureAwait(false);
            if (_renumbering is not null) await _renumbering.CheckAsync(Chunk, stored, cancellationToken).ConfigureAwait(false);
            var histories = await HistoriesAsync(stored, cancellationToken).ConfigureAwait(false);
            var items = new List<Item>(Chunk.Count);
            var history = new ImportHistory();
            foreach (var draft in Chunk)
            {
                if (draft.Item is null || draft.Row.HasProblems) continue;
                var old = stored.TryGetValue(draft.Key!, out var s) ? s : null;
                var facts = old is not null && histories.TryGetValue(old.Id, out var h) ? h : [];
                var item = Settle(draft, old?.Item, facts);
                if (draft.Row.HasProblems) continue;
                items.Add(item);
                history.Add(item.Key, old?.Item, item, facts);
            }
            Report.Add(Problems);
            Problems.Clear();
            Chunk.Clear();
            if (Report.ProblemCount > 0)
            {
                await ledger.AbandonAsync().ConfigureAwait(false);
                return;
            }
            // SQLite's "async" calls run on the caller's thread: the write gets a thread of its own.
            _writing = Task.Run(() => WriteAsync(items, stored, history, cancellationToken), cancellationToken);
        }

        // The recorded facts of the stored items whose row says something about a fact that the ledger
        // holds otherwise: only these can conflict or restate an undone fact. A file that agrees with the
        // ledger (the same file imported again) reads no history at all.
        private async Task<IReadOnlyDictionary<long, List<RecordedFact>>> HistoriesAsync(
            IReadOnlyDictionary<ItemKey, StoredItem> stored, CancellationToken cancellationToken)
        {
            var ids = new List<long>();
            foreach (var draft in Chunk)
            {
                if (draft.Item is not { } file || draft.Row.HasProblems || !stored.TryGetValue(draft.Key!, out var old)) continue;
                if (!FactColumn.SaysNothingNew(file, old.Item) || (draft.ReturnedAnswer == false && old.Item.IsReturned)
                    || (file.LeadDivision != old.Item.LeadDivision && old.Item.AcknowledgedOn is not null))
                {
                    ids.Add(old.Id);
                }
            }
            return ids.Count == 0 ? new Dictionary<long, List<RecordedFact>>() : await ledger.HistoryAsync(ids, cancellationToken).ConfigureAwait(false);
        }

        private async Task WriteAsync(List<Item> items, IReadOnlyDictionary<ItemKey, StoredItem> stored, ImportHistory history, CancellationToken cancellationToken)
        {
            var outcome = await ledger.WriteAsync(items, stored, history, cancellationToken).ConfigureAwait(false);
            Outcome = new UpsertOutcome(Outcome.Added + outcome.Added, Outcome.Changed + outcome.Changed, Outcome.Unchanged + outcome.Unchanged);
            _written += items.Count;
            written?.Invoke(_written);
        }

        // The row's description (the stored one for absent columns) with the ledger's facts and the file's
        // news merged, checked, with every derived date.
        private Item Settle(ProposalDraft draft, Item? stored, IReadOnlyList<RecordedFact> facts)
        {
            var item = draft.Item!;
            // A typed extension date on a day off ends on the next working day before it is held against the ledger's.
            if (item.Extension is { } typed) item = item with { Extension = typed with { NewDueOn = settings.Calendar.OnOrAfter(typed.NewDueOn) } };
            if (stored is not null)
            {
                item = FileFacts.Merge(StoredDescription.Keep(item, stored, _absent), stored, facts, draft.Row, settings.FileWins);
                if (draft.ReturnedAnswer == false && stored.IsReturned) item = Unreturned(draft, item);
                // A new lead has not acknowledged what its predecessor did: the former lead's 签收 stays in the history, undone.
                if (stored.LeadDivision != item.LeadDivision && draft.Item!.AcknowledgedOn is null) item = item with { AcknowledgedOn = null };
                NoteRole(draft, stored, item);
            }
            if (draft.DueTyped is null && !(stored is not null && _absent.Contains(C.DueOn.English)))
            {
                item = item with { DueOn = ItemDeadlines.DueOn(item.BureauRole, item.AssignedOn, null, settings.Calendar, settings.Limits) };
            }
            ProposalRules.Check(item, draft, draft.Row);
            var derived = ItemDeadlines.Derive(item, settings.Calendar, settings.Limits);
            NoteMoved(draft, C.DueOn, draft.DueTyped, derived.DueOn);
            NoteMoved(draft, C.ExtendedTo, draft.Item!.Extension?.NewDueOn, derived.Extension?.NewDueOn);
            NoteLate(draft, stored, derived);
            if (SessionLevelNote.Of(draft.Row.Number, header.HeaderOf(C.Session), item.Key.Session) is { } levelNote) Report.Note(levelNote);
            MissingYears.UnionWith(Missing(derived.AssignedOn, Latest(derived)));
            if (derived.AcknowledgedOn is null && derived.RepliedOn is null && !derived.IsReturned) Unacknowledged++;
            return derived;
        }

        // 退回 否 beside an approved return in the ledger: a conflict, unless the file wins and the return is undone.
        private Item Unreturned(ProposalDraft draft, Item item)
        {
            if (!settings.FileWins)
            {
                draft.Row.Problem(C.Returned, $"与台账记录冲突: 台账记录已于 {(item.ReturnDecidedOn is { } on ? ProposalRow.Iso(on) : "此前")} 退回，文件为“否”；未写入任何数据。" +
                    "如以文件为准，请加 --file-wins (conflicts with the ledger: the ledger records the item as returned and the file says no; nothing was written. Give --file-wins to take the file's)");
                return item;
            }
            return item with { ReturnedOn = null, ReturnReason = null, ReturnDecision = null, ReturnDecidedOn = null, ReturnDecidedBy = null };
        }

        // 分办 was read as 协办 before 分办 and 合办 became leads: such a row changes role when imported again.
        private void NoteRole(ProposalDraft draft, Item stored, Item item)
        {
            if (stored.BureauRole == BureauRole.Assisting && stored.RoleText is null && item.BureauRole is BureauRole.Split or BureauRole.Joint)
            {
                Report.Note($"第 {draft.Row.Number} 行 {item.Key}: 承办方式 {item.RoleText} 此前按协办记录，现按独立主办（{item.BureauRole.ChineseName()}）处理：" +
                    $"有自己的答复、测评和 {settings.Limits.ReplyMonths} 个月的期限 (stored as assisting before; now a lead of its own part, with its own reply, evaluation and time limit)");
            }
        }

        // Civil Code art. 203: a period whose last day is a day off ends on the next working day.
        private void NoteMoved(ProposalDraft draft, ColumnSpec column, DateOnly? typed, DateOnly? moved)
        {
            if (typed is not { } t || moved is not { } m || t == m) return;
            Report.Note($"第 {draft.Row.Number} 行 [{header.HeaderOf(column)}] {ProposalRow.Iso(t)} 不是工作日，按《民法典》第二百零三条顺延至 {ProposalRow.Iso(m)} " +
                $"(a date on a day off ends on the next working day: {ProposalRow.Iso(t)} -> {ProposalRow.Iso(m)})");
        }

        // The assigning office's own record is accepted as it stands, late or not; the coordinator is told.
        private void NoteLate(ProposalDraft draft, Item? stored, Item item)
        {
            if (item.IsReturnLate && stored?.IsReturnLate != true)
            {
                Report.Note($"第 {draft.Row.Number} 行 {item.Key}: 退回申请 {ProposalRow.Iso(item.ReturnedOn!.Value)} 晚于期限 {ProposalRow.Iso(item.ReturnBy!.Value)}（Ledger:ReturnWorkingDays），" +
                    $"按交办单位的记录导入 (the return was asked after the limit; imported as the assigning office recorded it)");
            }
            if (item.Extension is { } e && e.NewDueOn != stored?.Extension?.NewDueOn && settings.MaxExtensionMonths is { } months
                && new FactPolicy(settings.Calendar, months).ExtensionCap(item.AssignedOn) is { } cap && e.NewDueOn > cap)
            {
                Report.Note($"第 {draft.Row.Number} 行 {item.Key}: 延期至 {ProposalRow.Iso(e.NewDueOn)} 超过交办后 {months} 个月（Ledger:MaxExtensionMonths），" +
                    $"按交办单位的批准导入 (extended past the cap; imported as the assigning office approved it)");
            }
        }

        private IReadOnlyList<int> Missing(DateOnly from, DateOnly to)
        {
            if (_missingYears.TryGetValue((from.Year, to.Year), out var years)) return years;
            return _missingYears[(from.Year, to.Year)] = CalendarWarnings.MissingYears(settings.Calendar, from, to);
        }

        private static DateOnly Latest(Item item)
        {
            DateOnly[] dates = [item.DueOn, item.EffectiveDueOn, item.CoInputDueOn, item.AcknowledgeDueOn ?? item.AssignedOn,
                item.ReturnBy ?? item.AssignedOn, item.RehandleDueOn ?? item.AssignedOn];
            return dates.Max();
        }
    }
}
