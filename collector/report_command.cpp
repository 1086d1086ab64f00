// `kiosk-collector report`: the commune's report over every kiosk's sessions, with the same
// periods and formats as `kiosk report`. The collector's tables have the kiosk's names and columns
// so the kiosk's report engine runs over them unchanged.
#include "collector/commands.hpp"
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

namespace collector {

int CommandSet::dispatch(const std::filesystem::path& dataDir) const
{
    for (const auto& [command, run] : m_commands)
        if (command->parsed()) return run(dataDir);
    return -1;
}

namespace {

struct ReportOptions {
    std::string quarter, month, from, to, format = "json", out, config;
};

int reportCommand(const std::filesystem::path&, const ReportOptions& o)
{
    const int periods = !o.quarter.empty() + !o.month.empty() + (!o.from.empty() || !o.to.empty());
    if (periods != 1 || (!o.from.empty() && o.to.empty()) || (o.from.empty() && !o.to.empty())) {
        std::cerr << "Xin chọn đúng một kỳ báo cáo: --quarter 2026-Q1, --month 2026-03, hoặc --from 2026-01-01 --to 2026-03-31.\n";
        return 2;
    }
    // The report engine (kiosk/report.hpp) is written alongside; until it is part of the core this
    // command says so rather than printing figures of its own that could disagree with the kiosk's.
    std::cerr << "Báo cáo tổng hợp chưa có trong bản kiosk-collector này: bộ tính báo cáo dùng chung với `kiosk report` chưa được "
                 "đưa vào. Dữ liệu các ki-ốt đã gửi vẫn được giữ nguyên trong thư mục dữ liệu; xin cập nhật kiosk-collector.\n";
    return 1;
}

} // namespace

void addReportCommand(CLI::App& cli, const std::string&, CommandSet& set)
{
    auto o = std::make_shared<ReportOptions>();
    auto* cmd = cli.add_subcommand("report", "báo cáo của xã từ mọi ki-ốt / the commune's report over all kiosks");
    cmd->add_option("--quarter", o->quarter, "quý / quarter, e.g. 2026-Q1");
    cmd->add_option("--month", o->month, "tháng / month, e.g. 2026-03");
    cmd->add_option("--from", o->from, "từ ngày / first day, YYYY-MM-DD");
    cmd->add_option("--to", o->to, "đến ngày (tính cả ngày này) / last day, inclusive");
    cmd->add_option("--format", o->format, "json | csv | xlsx")->check(CLI::IsMember({"json", "csv", "xlsx"}));
    cmd->add_option("--out", o->out, "tệp kết quả / output file")->required();
    cmd->add_option("--config", o->config, "cấu hình xã (kiosk.toml: chỉ tiêu, tên xã) / the commune's kiosk.toml")->check(CLI::ExistingFile);
    set.add(cmd, [o](const std::filesystem::path& dataDir) { return reportCommand(dataDir, *o); });
}

} // namespace collector
