namespace Proposals.Tests.Storage;

// The storage suite on SqlServer: the same test classes as on every other provider.
public sealed class SqlServerItemStoreTests : ItemStoreTests<SqlServerLedger>;

public sealed class SqlServerReminderStoreTests : ReminderStoreTests<SqlServerLedger>;

public sealed class SqlServerDivisionStoreTests : DivisionStoreTests<SqlServerLedger>;

public sealed class SqlServerCalendarStoreTests : CalendarStoreTests<SqlServerLedger>;

public sealed class SqlServerSchemaMigratorTests : SchemaMigratorTests<SqlServerLedger>;
public sealed class SqlServerRecordUpgradeTests : RecordUpgradeTests<SqlServerLedger>;

public sealed class SqlServerReportRunStoreTests : ReportRunStoreTests<SqlServerLedger>;

public sealed class SqlServerDeskStoreTests : DeskStoreTests<SqlServerLedger>;

public sealed class SqlServerSecretStoreTests : SecretStoreTests<SqlServerLedger>;

public sealed class SqlServerLinkUseStoreTests : LinkUseStoreTests<SqlServerLedger>;
public sealed class SqlServerSessionRevocationStoreTests : SessionRevocationStoreTests<SqlServerLedger>;
public sealed class SqlServerUploadStoreTests : UploadStoreTests<SqlServerLedger>;
