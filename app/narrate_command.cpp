// `kiosk narrate`: writes to a WAV file what the kiosk would say for one lesson step (the recording
// beside the lesson when there is one, else espeak-ng), to check narration without a speaker.
#include "app/commands.hpp"
#include "drivers/speech/espeak_synth.hpp"
#include "kiosk/output/narration.hpp"
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

namespace app {

namespace {

int narrateCommand(const GlobalOptions& g, const std::string& lessonId, int step1, const std::string& lang, const std::string& out, const std::string& voice)
{
    kiosk::RuntimeOptions ro = g.runtimeOptions();
    ro.province = "";   // every province's lessons can be narrated
    kiosk::Runtime rt = kiosk::Runtime::load(ro);
    for (const kiosk::Problem& p : rt.problems) std::cerr << "cảnh báo: " << p.str() << "\n";

    kiosk::Lang l = kiosk::Lang::Vi;
    if (!kiosk::parseLang(lang, l)) {
        std::cerr << "Ngôn ngữ không hợp lệ: " << lang << " (vi hoặc en)\n";
        return 2;
    }
    const kiosk::Lesson* lesson = rt.catalogue.find(lessonId);
    if (!lesson) {
        std::cerr << "Không có bài học \"" << lessonId << "\" (xem danh sách: kiosk content list)\n";
        return 2;
    }
    const int steps = static_cast<int>(lesson->steps.size());
    if (step1 < 1 || step1 > steps) {
        std::cerr << "Bài học " << lesson->id << " có các bước từ 1 đến " << steps << ", không có bước " << step1 << "\n";
        return 2;
    }
    // As the kiosk does: a step without its English translation is read in Vietnamese.
    if (l == kiosk::Lang::En && lesson->steps[static_cast<size_t>(step1 - 1)].text.en.empty()) l = kiosk::Lang::Vi;
    std::string v = voice;
    if (v.empty()) v = l == kiosk::Lang::En ? "en" : rt.config.narrationVoice;
    if (!drivers::EspeakSynth::knownVoice(v)) {
        std::cerr << "Giọng đọc không hợp lệ: " << v << " (vi, vi-vn-x-central, vi-vn-x-south hoặc en)\n";
        return 2;
    }

    kiosk::Audio audio;
    std::string error;
    std::filesystem::path recorded = kiosk::recordedNarrationFile(rt.assetsDir, lesson->id, step1, l);
    std::string source;
    if (!recorded.empty()) {
        if (!kiosk::readWav(recorded, audio, error)) {
            std::cerr << error << "\n";
            return 1;
        }
        source = "bản ghi âm " + recorded.string();
    } else {
        drivers::EspeakSynth synth;
        if (!synth.synthesize(kiosk::stepNarrationText(*lesson, step1 - 1, l), v, audio, error)) {
            std::cerr << error << "\n";
            return 1;
        }
        source = "espeak-ng, giọng " + v;
    }
    if (!kiosk::writeWav(out, audio, error)) {
        std::cerr << error << "\n";
        return 1;
    }
    std::cout << "Đã ghi " << out << ": " << audio.seconds() << " giây (" << source << ")\n";
    return 0;
}

} // namespace

void addNarrateCommand(CLI::App& cli, const GlobalOptions& g, CommandSet& set)
{
    struct Options {
        std::string lesson, out, lang = "vi", voice;
        int step = 0;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = cli.add_subcommand("narrate", "ghi lời đọc một bước ra WAV / write a step's narration to WAV");
    cmd->add_option("--lesson", o->lesson, "mã bài học / lesson id (see content list)")->required();
    cmd->add_option("--step", o->step, "bước, từ 1 / step, from 1")->required();
    cmd->add_option("--out", o->out, "tệp WAV / output WAV file")->required();
    cmd->add_option("--lang", o->lang, "vi | en")->check(CLI::IsMember({"vi", "en"}));
    cmd->add_option("--voice", o->voice, "vi | vi-vn-x-central | vi-vn-x-south | en (default: [narration] voice)");
    set.add(cmd, [&g, o] { return narrateCommand(g, o->lesson, o->step, o->lang, o->out, o->voice); });
}

} // namespace app
