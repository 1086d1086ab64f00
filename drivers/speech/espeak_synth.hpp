// Speech synthesis with libespeak-ng in process: the Vietnamese voices (Northern, Central,
// Southern) and English, as 16-bit mono audio for a kiosk::Speaker.
#pragma once
#include "kiosk/output/narration.hpp"
#include <string>
#include <vector>

namespace drivers {

class EspeakSynth final : public kiosk::SpeechSynth {
public:
    // Does not touch espeak-ng: the library loads its data on the first synthesize(), so a kiosk
    // that never narrates pays nothing at start-up.
    EspeakSynth() = default;

    // "vi" (Northern, the default), "vi-vn-x-central", "vi-vn-x-south", "en".
    static const std::vector<std::string>& voices();
    static bool knownVoice(const std::string& voice);

    // Thread-safe (one process-wide lock: espeak-ng keeps a single global state), but each call
    // blocks for the whole synthesis: call it off the frame loop (kiosk::Narrator does).
    bool synthesize(const std::string& text, const std::string& voice, kiosk::Audio& out, std::string& error) override;
};

} // namespace drivers
