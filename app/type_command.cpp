// `kiosk type --telex KEYS | --vni KEYS [--new-style]`: prints what the on-screen keyboard makes of
// those keys, so the Vietnamese composition can be checked from a shell.
#include "app/commands.hpp"
#include "kiosk/vietnamese/vietnamese_input.hpp"
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

namespace app {

void addTypeCommand(CLI::App& cli, const GlobalOptions&, CommandSet& set)
{
    struct Options {
        std::string telex, vni;
        bool newStyle = false;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = cli.add_subcommand("type", "gõ thử tiếng Việt kiểu Telex hoặc VNI / compose Telex or VNI keys");
    auto* telex = cmd->add_option("--telex", o->telex, "phím gõ kiểu Telex / Telex keys, e.g. \"Nguyeenx\"");
    auto* vni = cmd->add_option("--vni", o->vni, "phím gõ kiểu VNI / VNI keys, e.g. \"Nguye64n\"");
    telex->excludes(vni);
    cmd->add_flag("--new-style", o->newStyle, "bỏ dấu kiểu mới (hoà, thuý) thay vì kiểu cũ (hòa, thúy) / new tone placement");
    set.add(cmd, [o, telex, vni] {
        if (telex->count() == 0 && vni->count() == 0) {
            std::cerr << "Cần --telex PHÍM hoặc --vni PHÍM (ví dụ: kiosk type --telex \"Nguyeenx\")\n";
            return 2;
        }
        const kiosk::ToneStyle style = o->newStyle ? kiosk::ToneStyle::New : kiosk::ToneStyle::Old;
        std::cout << (telex->count() ? kiosk::composeTelex(o->telex, style) : kiosk::composeVni(o->vni, style)) << "\n";
        return 0;
    });
}

} // namespace app
