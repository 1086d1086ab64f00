// `kiosk run`: the event-driven frame loop. Nothing is drawn while nothing changes (the start
// screen changes once per slide); a touch gets a few frames so it lands.
#include "app/commands.hpp"
#include "app/frontend.hpp"
#include "app/screen_height.hpp"
#include "app/startup_clock.hpp"
#include "drivers/speech/espeak_synth.hpp"
#include "drivers/speech/sdl_speaker.hpp"
#include "kiosk/output/narration.hpp"
#include "drivers/readers/code_readers.hpp"
#include "drivers/print/escpos_printer.hpp"
#include "kiosk/records/records.hpp"
#include "kiosk/flow/slip_desk.hpp"
#include "kiosk/flow/staff_flow.hpp"
#include "drivers/net/curl_transport.hpp"
#include "kiosk/flow/screen_id.hpp"
#include "kiosk/flow/usage_log.hpp"
#include "kiosk/flow/kiosk_shell.hpp"
#include "drivers/system/systemd_notifier.hpp"
#include <spdlog/spdlog.h>
#include <algorithm>
#include <csignal>
#include <iostream>

namespace app {

namespace {
constexpr int kFramesAfterInput = 3;    // press, release, settle
constexpr int kFramesAfterChange = 2;   // ImGui lays out new content in its second frame

void reportProblems(const kiosk::Runtime& rt)
{
    for (const kiosk::Problem& p : rt.problems) spdlog::warn("{}", p.str());
    for (const std::string& f : rt.skippedLessons) spdlog::warn("bài học bị bỏ qua vì lỗi: {}", f);
}
} // namespace

int runKiosk(const GlobalOptions& g, const RunOptions& o)
{
    const double tMain = msSinceExec();
    kiosk::Runtime rt = kiosk::Runtime::load(g.runtimeOptions());
    const double tContent = msSinceExec();
    reportProblems(rt);
    spdlog::info("{} bài học, {} chủ đề, tỉnh: {}", rt.catalogue.lessons.size(), rt.catalogue.topics.size(),
                 rt.config.province.empty() ? "(tất cả)" : rt.config.province);

    std::string error;
    kiosk::SteadyClock clock;
    auto records = kiosk::Records::open(g.dataDir, clock, error);
    if (!records) {
        std::cerr << error << "\n";
        return 1;
    }
    kiosk::UsageLog usage(*records->db);
    const double tDb = msSinceExec();

    Frontend fe(rt);
    drivers::PlatformOptions po;
    po.width = o.width;
    po.height = o.height;
    po.windowed = o.windowed;
    const int expectedHeight = rememberedScreenHeight(g.dataDir);
    if (!fe.init(po, kiosk::TextSize::Normal, error, expectedHeight)) {
        std::cerr << error << "\n";
        return 1;
    }
    const double tDisplay = msSinceExec();
    if (!o.windowed && fe.platform().visibleDisplay() && fe.screenHeight() != expectedHeight)
        rememberScreenHeight(g.dataDir, fe.screenHeight());
    if (!fe.platform().visibleDisplay())
        spdlog::warn("Đang chạy KHÔNG có màn hình hiển thị (SDL driver \"{}\"): không ai nhìn thấy ki-ốt. "
                     "Running without a visible display.", fe.platform().videoDriver());
    else
        spdlog::info("màn hình: SDL driver \"{}\", {}", fe.platform().videoDriver(), fe.screenShape());

    kiosk::App app(rt.catalogue, rt.config, clock);
    // Staff mode: opened by the hidden gesture; the scanners run only while a scan screen shows.
    std::vector<kiosk::Problem> serviceProblems;
    kiosk::StaffFlow staff(*records, rt.config, kiosk::loadServices(rt.assetsDir / "services.toml", rt.config.province, serviceProblems), clock);
    for (const kiosk::Problem& p : serviceProblems) spdlog::warn("{}", p.str());
    auto readers = drivers::makeCodeReaders(rt.config);
    kiosk::ReaderPump pump;
    for (auto& r : readers) pump.add(*r);
    fe.view().attachStaff(&staff);
    uint64_t staffVersion = staff.state().version;
    kiosk::UploadWorker uploads(g.dataDir, [] { return std::make_unique<drivers::CurlTransport>(); });
    // Slips ("In phiếu" after a lesson and on the staff summary), printed on the worker's thread.
    std::string printerError;
    kiosk::PrintWorker slips(drivers::openPrinter(rt.config.devices.printer, rt.config.devices.printerWidthDots, printerError));
    if (!printerError.empty()) spdlog::warn("máy in: {}", printerError);
    kiosk::SlipDesk slipDesk(slips, rt.catalogue, rt.config, clock);
    fe.view().attachSlips(&slips.status());
    uint64_t slipVersion = slips.version();
    if (!o.startScreen.empty() && !kiosk::openScreenByName(app, o.startScreen, rt.catalogue, rt.config, error)) {
        std::cerr << error << "\n";
        return 2;
    }
    (void)app.takeEffects();   // a screen opened by name is shown, not read aloud
    // Narration: espeak-ng loads its data and SDL opens the audio device only on the first "Nghe".
    drivers::EspeakSynth synth;
    drivers::SdlSpeaker speaker;
    kiosk::Narrator narrator(synth, speaker, rt.assetsDir, rt.config.narrationVoice);

    kiosk::ShellParts parts{app};
    parts.staff = &staff;
    parts.readers = &pump;
    parts.narrator = &narrator;
    parts.slips = &slipDesk;
    parts.printer = &slips;
    parts.uploads = &uploads;
    parts.uploadOptions = [&](kiosk::UploadOptions& uo, std::string& e) { return uploadOptionsFromConfig(g, rt.config, uo, e); };
    parts.usage = [&](std::vector<kiosk::UsageEvent> ev) { usage.post(std::move(ev)); };
    kiosk::KioskShell shell(std::move(parts));

    const int64_t start = clock.nowMs();
    int pending = kFramesAfterChange;
    uint64_t drawnVersion = app.state().version;
    long long presented = 0;
    std::vector<drivers::PlatformEvent> events;
    bool running = true;
    drivers::LoopWatchdog watchdog(clock, o.testFreezeAfterFrames);   // sd_notify READY=1 / WATCHDOG=1
    while (running) {
        watchdog.turn();
        int64_t now = clock.nowMs();
        int timeout = 0;
        if (pending == 0 && !fe.touch().pending()) {
            int64_t wake = shell.nextWakeMs(now);
            // A screen that animates asked for its next frame.
            if (fe.nextFrameAt() < 1e12) wake = std::min(wake, start + static_cast<int64_t>(fe.nextFrameAt() * 1000.0));
            timeout = static_cast<int>(std::clamp<int64_t>(wake - now, 1, 60'000));
        }
        events.clear();
        fe.platform().waitEvents(watchdog.maxWaitMs(timeout), events);
        for (const drivers::PlatformEvent& e : events) {
            switch (e.kind) {
            case drivers::PlatformEvent::Kind::Pointer:
                fe.touch().push(e.pointer);
                shell.touched();
                pending = std::max(pending, kFramesAfterInput);
                break;
            case drivers::PlatformEvent::Kind::Redraw:
                pending = std::max(pending, 1);
                break;
            case drivers::PlatformEvent::Kind::Quit:
                running = false;
                break;
            case drivers::PlatformEvent::Kind::DeveloperExit:
                // Any USB keyboard plugged into the kiosk can press these keys: only a developer's
                // `--dev-exit` lets them quit, and either way the trail and the log say so.
                if (o.devExit) {
                    records->audit->record("keyboard", "developer_exit", {}, "Ctrl+Shift+Q, --dev-exit");
                    spdlog::warn("Ctrl+Shift+Q: ki-ốt thoát (chạy với --dev-exit)");
                    running = false;
                } else {
                    records->audit->record("keyboard", "developer_exit_refused", {}, "Ctrl+Shift+Q");
                    spdlog::warn("Ctrl+Shift+Q bị bỏ qua: ki-ốt không chạy với --dev-exit");
                    pending = std::max(pending, 1);
                }
                break;
            }
        }
        shell.tick();
        if (shell.exitRequested()) running = false;   // an admin left for the desktop
        if (slips.version() != slipVersion) {
            slipVersion = slips.version();
            pending = std::max(pending, kFramesAfterChange);
        }
        now = clock.nowMs();
        if (fe.nextFrameAt() < 1e12 && now >= start + static_cast<int64_t>(fe.nextFrameAt() * 1000.0)) pending = std::max(pending, 1);
        if (staff.state().version != staffVersion) {
            staffVersion = staff.state().version;
            pending = std::max(pending, kFramesAfterChange);
        }
        if (app.state().version != drawnVersion) {
            // The start screen has no child windows to settle: its slide change needs one frame.
            bool attract = app.state().screen == kiosk::Screen::Attract && events.empty();
            pending = std::max(pending, attract ? 1 : kFramesAfterChange);
        }
        if (!running || (pending == 0 && !fe.touch().pending())) continue;

        drawnVersion = app.state().version;
        ui::Intents intents = fe.frame(app, double(now - start) / 1000.0);
        if (pending > 0) --pending;
        ++presented;
        watchdog.framePresented();
        if (presented == 1) {
            spdlog::info("khung hình đầu tiên sau {:.0f} ms từ lúc chạy (thư viện {:.0f}, nội dung {:.0f}, CSDL {:.0f}, màn hình + phông {:.0f}, vẽ {:.0f})",
                         msSinceExec(), tMain, tContent - tMain, tDb - tContent, tDisplay - tDb, msSinceExec() - tDisplay);
            if (!fe.platform().finishFullscreen())
                spdlog::info("X11 không có trình quản lý cửa sổ: cửa sổ không viền phủ kín màn hình, không xin chế độ toàn màn hình "
                             "(no X11 window manager: the borderless window covers the screen)");
        }
        shell.apply(intents, fe.view().takeStaffIntents());
        if (shell.exitRequested()) running = false;
        if (o.testKeyAfterFrames > 0 && presented == o.testKeyAfterFrames) fe.platform().pushDeveloperExitKeyForTest();
        if (o.exitAfterFrames > 0 && presented >= o.exitAfterFrames) running = false;
    }
    return 0;
}

} // namespace app
