<#
.SYNOPSIS
    Installs (or removes) the Proposals worker as a Windows service.

.DESCRIPTION
    The same `proposals` program runs as a Windows service (Microsoft.Extensions.Hosting.WindowsServices):
    the service starts `proposals.exe run`. A service starts in C:\Windows\System32, so every path the
    program writes is set here as an absolute path under -DataDir, through the service's own
    environment (registry value HKLM\SYSTEM\CurrentControlSet\Services\<name>\Environment).
    Secrets (a database or SMTP password) belong in appsettings.Production.json beside proposals.exe,
    readable by administrators and the service account only (icacls), not in -Environment: the
    service's registry key is readable by every local user. For SQL Server prefer Integrated Security
    with a managed service account, which needs no password at all.

    Run from an elevated PowerShell, after publishing the program into -InstallDir:
        dotnet publish src/Proposals.Worker -c Release -r win-x64 --self-contained -o "C:\Program Files\Proposals"
        .\ops\windows\install-service.ps1
        .\ops\windows\install-service.ps1 -Environment @{ 'Storage__Provider' = 'sqlserver'; 'ConnectionStrings__Proposals' = 'Server=db01;Database=proposals;Integrated Security=True;TrustServerCertificate=False' }
        .\ops\windows\install-service.ps1 -Uninstall

.PARAMETER ServiceName
    The service's name (default Proposals).

.PARAMETER InstallDir
    Where proposals.exe was published.

.PARAMETER DataDir
    Where the SQLite ledger, the outbox and the reports live; the service account gets write access.

.PARAMETER Account
    The account the service runs as: NT AUTHORITY\LocalService (default; no network credentials) or
    NT AUTHORITY\NetworkService, or a managed service account such as DOMAIN\proposals$ (for SQL
    Server with Integrated Security).

.PARAMETER Environment
    More settings as environment variables (name = value, ':' written as '__'); they win over the defaults set here.

.PARAMETER Uninstall
    Stops and removes the service; the data folder is kept.
#>
[CmdletBinding()]
param(
    [string] $ServiceName = 'Proposals',
    [string] $InstallDir = 'C:\Program Files\Proposals',
    [string] $DataDir = 'C:\ProgramData\Proposals',
    [string] $Account = 'NT AUTHORITY\LocalService',
    [hashtable] $Environment = @{},
    [switch] $Uninstall
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
    throw 'Run this script from an elevated PowerShell (Run as administrator).'
}

$existing = Get-Service -Name $ServiceName -ErrorAction SilentlyContinue

if ($Uninstall) {
    if ($null -eq $existing) { Write-Host "Service $ServiceName is not installed."; return }
    if ($existing.Status -ne 'Stopped') { Stop-Service -Name $ServiceName -Force }
    & sc.exe delete $ServiceName | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "sc.exe delete $ServiceName failed ($LASTEXITCODE)" }
    Write-Host "Service $ServiceName removed. The data in $DataDir is kept."
    return
}

$exe = Join-Path $InstallDir 'proposals.exe'
if (-not (Test-Path -LiteralPath $exe -PathType Leaf)) {
    throw "$exe not found: publish the program first (dotnet publish src/Proposals.Worker -c Release -r win-x64 --self-contained -o `"$InstallDir`")."
}

# The data folder, writable by the service account only (and administrators).
foreach ($folder in @($DataDir, (Join-Path $DataDir 'outbox'), (Join-Path $DataDir 'reports'), (Join-Path $DataDir 'backups'))) {
    New-Item -ItemType Directory -Force -Path $folder | Out-Null
}
& icacls.exe $DataDir /inheritance:r /grant:r 'BUILTIN\Administrators:(OI)(CI)F' 'NT AUTHORITY\SYSTEM:(OI)(CI)F' "${Account}:(OI)(CI)M" | Out-Null
if ($LASTEXITCODE -ne 0) { throw "icacls on $DataDir failed ($LASTEXITCODE)" }

# Absolute paths: a service's working directory is System32.
$settings = [ordered]@{
    'DOTNET_ENVIRONMENT'           = 'Production'
    'ConnectionStrings__Proposals' = "Data Source=$(Join-Path $DataDir 'proposals.db')"
    'Mail__PickupDirectory'        = (Join-Path $DataDir 'outbox')
    'Reports__Directory'           = (Join-Path $DataDir 'reports')
}
foreach ($name in $Environment.Keys) { $settings[$name] = [string]$Environment[$name] }

# Create or upgrade the schema before the service starts (run again before starting an upgraded program).
$saved = @{}
foreach ($name in $settings.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name, 'Process'); [Environment]::SetEnvironmentVariable($name, $settings[$name], 'Process') }
try {
    & $exe migrate
    if ($LASTEXITCODE -ne 0) { throw "proposals migrate failed ($LASTEXITCODE); the service was not installed or changed." }
}
finally {
    foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name], 'Process') }
}

$binaryPath = "`"$exe`" run"
if ($null -eq $existing) {
    New-Service -Name $ServiceName -BinaryPathName $binaryPath -DisplayName 'Proposals' `
        -Description 'Ledger, reminders and completion rates of deputies'' suggestions and CPPCC proposals; dashboard on http://127.0.0.1:5080/hangfire' `
        -StartupType Automatic | Out-Null
}
else {
    if ($existing.Status -ne 'Stopped') { Stop-Service -Name $ServiceName -Force }
    & sc.exe config $ServiceName binPath= $binaryPath | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "sc.exe config $ServiceName failed ($LASTEXITCODE)" }
}

# The built-in accounts have no password; a managed service account ends in $ and has none either.
& sc.exe config $ServiceName obj= $Account password= '' | Out-Null
if ($LASTEXITCODE -ne 0) { throw "sc.exe config $ServiceName obj= $Account failed ($LASTEXITCODE)" }
# Start after the network and restart after a crash: 10 s, 60 s, then every 5 minutes; the count resets daily.
& sc.exe config $ServiceName start= delayed-auto | Out-Null
& sc.exe failure $ServiceName reset= 86400 actions= restart/10000/restart/60000/restart/300000 | Out-Null
if ($LASTEXITCODE -ne 0) { throw "sc.exe failure $ServiceName failed ($LASTEXITCODE)" }

$key = "HKLM:\SYSTEM\CurrentControlSet\Services\$ServiceName"
$lines = [string[]]@($settings.Keys | ForEach-Object { "$_=$($settings[$_])" })
New-ItemProperty -Path $key -Name 'Environment' -PropertyType MultiString -Value $lines -Force | Out-Null

Start-Service -Name $ServiceName
Get-Service -Name $ServiceName | Format-Table -AutoSize Name, Status, StartType
Write-Host "Dashboard: http://127.0.0.1:5080/hangfire   Health: http://127.0.0.1:5080/health/ready"
Write-Host "Logs: Event Viewer > Windows Logs > Application, source proposals."
