// Spoken narration of lesson steps: the text to speak, recorded files, WAV in/out, and the Narrator
// that synthesises and plays off the frame loop through two ports drivers/ implement.
#pragma once
#include "kiosk/content/content.hpp"
#include "kiosk/common/types.hpp"
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace kiosk {

// 16-bit PCM, channels interleaved.
struct Audio {
    int sampleRate = 22050;
    int channels = 1;
    std::vector<int16_t> samples;
    double seconds() const;
};

// Port: text → speech. Implementations need not be thread-safe: the Narrator calls one from a
// single worker thread (espeak-ng keeps one global state).
class SpeechSynth {
public:
    virtual ~SpeechSynth() = default;
    virtual bool synthesize(const std::string& text, const std::string& voice, Audio& out, std::string& error) = 0;
};

// Port: the loudspeaker. play() replaces whatever is playing and returns without waiting.
// Must be safe to call from the Narrator's worker while the UI thread asks playing().
class Speaker {
public:
    virtual ~Speaker() = default;
    virtual bool play(const Audio& a, std::string& error) = 0;
    virtual void stop() = 0;
    virtual bool playing() const = 0;
};

// What is read aloud for a step: its title (closed with a full stop) then its text, without the
// typographic quotes the screen uses around button names. `step0` counts from 0.
std::string stepNarrationText(const Lesson& lesson, int step0, Lang lang);

// assets/audio/<lesson id>/<step1>.wav (Vietnamese) or <step1>.en.wav (English) when that file
// exists; an empty path otherwise. A recording replaces synthesis.
std::filesystem::path recordedNarrationFile(const std::filesystem::path& assetsDir, const std::string& lessonId, int step1, Lang lang);

// RIFF/WAVE, 16-bit PCM, mono or stereo. Anything else is refused with a Vietnamese message.
bool readWav(const std::filesystem::path& file, Audio& out, std::string& error);
bool writeWav(const std::filesystem::path& file, const Audio& audio, std::string& error);

// Reads lesson steps aloud without blocking the frame loop: say() only queues; one worker thread
// reads the recording or synthesises, then hands the audio to the speaker. A newer say() or stop()
// cancels what is queued, being synthesised or playing.
class Narrator {
public:
    Narrator(SpeechSynth& synth, Speaker& speaker, std::filesystem::path assetsDir, std::string viVoice, std::string enVoice = "en");
    ~Narrator();
    Narrator(const Narrator&) = delete;
    Narrator& operator=(const Narrator&) = delete;

    void say(const Lesson& lesson, int step0, Lang lang);
    void stop();
    bool busy() const;               // queued, being prepared, or still playing
    std::string lastError() const;   // of the latest say(); empty when it went well

private:
    struct Request {
        std::string text;
        std::string voice;
        std::string lessonId;
        int step1 = 0;
        Lang lang = Lang::Vi;
    };

    void run();
    bool prepare(const Request& request, Audio& audio, std::string& error);

    SpeechSynth& m_synth;
    Speaker& m_speaker;
    std::filesystem::path m_assetsDir;
    std::string m_viVoice;
    std::string m_enVoice;

    mutable std::mutex m_mutex;      // the fields below
    std::mutex m_playMutex;          // makes "still current? then play" atomic against stop()
    std::condition_variable m_wake;
    std::optional<Request> m_pending;
    uint64_t m_generation = 0;       // bumped by say()/stop(): older work is dropped, not played
    bool m_working = false;
    bool m_quit = false;
    std::string m_lastError;
    std::thread m_worker;            // last: starts after every member above exists
};

} // namespace kiosk
