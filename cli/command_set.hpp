// What `kiosk` and `kiosk-collector` share on the command line: subcommands that live in their own
// file register in a CommandSet (their options kept alive by the lambda they hand over), and the
// report's period options, spelt the same in both programs.
#pragma once
#include "kiosk/report/report_run.hpp"
#include <CLI/CLI.hpp>
#include <functional>
#include <utility>
#include <vector>

namespace cli {

template <class... Args>
class CommandSet {
public:
    using Run = std::function<int(Args...)>;
    void add(CLI::App* command, Run run) { m_commands.emplace_back(command, std::move(run)); }
    // Runs the command the parsed command line chose; -1 when none of these was chosen.
    int dispatch(Args... args) const
    {
        for (const auto& [command, run] : m_commands)
            if (command->parsed()) return run(args...);
        return -1;
    }

private:
    std::vector<std::pair<CLI::App*, Run>> m_commands;
};

// `--quarter Q | --month M | --from D --to D`, `--format json|csv|xlsx`, `--out FILE`.
inline void addReportOptions(CLI::App& cmd, kiosk::ReportArguments& o)
{
    cmd.add_option("--quarter", o.quarter, "quý / quarter, e.g. 2026-Q1");
    cmd.add_option("--month", o.month, "tháng / month, e.g. 2026-03");
    cmd.add_option("--from", o.from, "từ ngày (tính cả ngày này) / first day, YYYY-MM-DD");
    cmd.add_option("--to", o.to, "đến ngày (tính cả ngày này) / last day, YYYY-MM-DD");
    cmd.add_option("--format", o.format, "json | csv | xlsx (default: from --out's extension, else json)")
        ->check(CLI::IsMember({"json", "csv", "xlsx"}));
    cmd.add_option("--out", o.out, "tệp kết quả / output file (json and csv: - or none = standard output)");
}

} // namespace cli
