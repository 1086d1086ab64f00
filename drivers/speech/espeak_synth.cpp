// espeak-ng in synchronous mode: the library hands audio to a callback while espeak_Synth runs.
#include "drivers/speech/espeak_synth.hpp"
#include <espeak-ng/speak_lib.h>
#include <algorithm>
#include <mutex>

namespace drivers {

namespace {

// espeak-ng is one global state, not thread-safe: every call goes through this lock, and the
// callback writes to the one buffer the lock holder set.
std::mutex s_espeakMutex;
bool s_initialised = false;
int s_sampleRate = 0;
std::vector<int16_t>* s_target = nullptr;

int onSynth(short* wav, int count, espeak_EVENT*)
{
    if (wav && count > 0 && s_target) s_target->insert(s_target->end(), wav, wav + count);
    return 0;   // 0 = go on
}

bool initialise(std::string& error)
{
    if (s_initialised) return true;
    // espeakINITIALIZE_DONT_EXIT: without it a missing espeak-ng-data makes the library call
    // exit(1), taking the whole kiosk down; with it we get -1 and carry on without speech.
    int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, espeakINITIALIZE_DONT_EXIT);
    if (rate <= 0) {
        error = "không khởi động được bộ đọc espeak-ng (thiếu dữ liệu espeak-ng-data?)";
        return false;
    }
    espeak_SetSynthCallback(onSynth);
    s_sampleRate = rate;
    s_initialised = true;
    return true;
}

} // namespace

const std::vector<std::string>& EspeakSynth::voices()
{
    static const std::vector<std::string> all{"vi", "vi-vn-x-central", "vi-vn-x-south", "en"};
    return all;
}

bool EspeakSynth::knownVoice(const std::string& voice)
{
    return std::find(voices().begin(), voices().end(), voice) != voices().end();
}

bool EspeakSynth::synthesize(const std::string& text, const std::string& voice, kiosk::Audio& out, std::string& error)
{
    // Checked here rather than left to espeak: an unknown name there keeps the previous voice and
    // would read Vietnamese with an English voice without a word.
    if (!knownVoice(voice)) {
        error = "giọng đọc \"" + voice + "\" không có (dùng vi, vi-vn-x-central, vi-vn-x-south hoặc en)";
        return false;
    }
    if (text.empty()) {
        error = "không có chữ để đọc";
        return false;
    }
    std::lock_guard lock(s_espeakMutex);
    if (!initialise(error)) return false;
    if (espeak_SetVoiceByName(voice.c_str()) != EE_OK) {
        error = "espeak-ng không nạp được giọng đọc \"" + voice + "\"";
        return false;
    }
    std::vector<int16_t> samples;
    s_target = &samples;
    espeak_ERROR result = espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
    s_target = nullptr;
    if (result != EE_OK) {
        error = "espeak-ng không đọc được đoạn chữ (mã lỗi " + std::to_string(static_cast<int>(result)) + ")";
        return false;
    }
    out.sampleRate = s_sampleRate;
    out.channels = 1;
    out.samples = std::move(samples);
    return true;
}

} // namespace drivers
