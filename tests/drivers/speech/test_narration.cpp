// Narration: real espeak-ng synthesis of shipped lessons, WAV files, recordings beside a lesson,
// the Narrator's cancellation (with the fake speaker), SDL audio, and `kiosk narrate`.
#include "drivers/speech/espeak_synth.hpp"
#include "drivers/speech/fake_speaker.hpp"
#include "drivers/speech/sdl_speaker.hpp"
#include "kiosk/content/config.hpp"
#include "kiosk/output/narration.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sys/wait.h>
#include <thread>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

const char* kLessonId = "vneid-kich-hoat-muc-2";

const Lesson& shippedLesson(const Runtime& rt)
{
    const Lesson* l = rt.catalogue.find(kLessonId);
    REQUIRE(l != nullptr);
    REQUIRE(l->steps.size() >= 3);
    return *l;
}

double rms(const Audio& a)
{
    if (a.samples.empty()) return 0.0;
    double sum = 0;
    for (int16_t s : a.samples) sum += static_cast<double>(s) * s;
    return std::sqrt(sum / static_cast<double>(a.samples.size()));
}

Audio tone(int rate, int channels, double seconds)
{
    Audio a;
    a.sampleRate = rate;
    a.channels = channels;
    size_t frames = static_cast<size_t>(rate * seconds);
    for (size_t i = 0; i < frames; ++i)
        for (int c = 0; c < channels; ++c) a.samples.push_back(static_cast<int16_t>(8000 * std::sin(2 * M_PI * (440.0 + 110 * c) * i / rate)));
    return a;
}

// Same text, same voice: lengths within 2 % (espeak-ng is not bit-exact from one call to the next).
bool sameUtterance(const Audio& a, const Audio& b)
{
    const double la = static_cast<double>(a.samples.size()), lb = static_cast<double>(b.samples.size());
    return a.sampleRate == b.sampleRate && lb > 0 && std::abs(la - lb) / lb < 0.02;
}

bool waitIdle(const Narrator& n, std::chrono::milliseconds timeout = 5s)
{
    auto end = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < end) {
        if (!n.busy()) return true;
        std::this_thread::sleep_for(5ms);
    }
    return false;
}

// Counts calls and can hold the first synthesis until the test lets it go, so "a second say()
// arrives while the first is being synthesised" happens every run, not by luck.
class GatedSynth final : public SpeechSynth {
public:
    bool synthesize(const std::string& text, const std::string& voice, Audio& out, std::string& error) override
    {
        {
            std::unique_lock lock(m_mutex);
            ++m_calls;
            m_entered.notify_all();
            m_open.wait(lock, [this] { return !m_held; });
        }
        return m_real.synthesize(text, voice, out, error);
    }
    void hold() { std::lock_guard lock(m_mutex); m_held = true; }
    void release() { { std::lock_guard lock(m_mutex); m_held = false; } m_open.notify_all(); }
    bool waitEntered(int calls)
    {
        std::unique_lock lock(m_mutex);
        return m_entered.wait_for(lock, 5s, [&] { return m_calls >= calls; });
    }
    int calls() { std::lock_guard lock(m_mutex); return m_calls; }

private:
    drivers::EspeakSynth m_real;
    std::mutex m_mutex;
    std::condition_variable m_entered, m_open;
    bool m_held = false;
    int m_calls = 0;
};

int runKiosk(const std::string& args, std::string* output = nullptr)
{
    std::string cmd = "\"" KIOSK_BIN "\" " + args + " 2>&1";
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    char buf[512];
    std::string text;
    while (size_t n = fread(buf, 1, sizeof buf, p)) text.append(buf, n);
    int status = pclose(p);
    if (output) *output = text;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

} // namespace

TEST_CASE("the spoken text is the step's title, closed with a full stop, then its text without typographic quotes")
{
    Runtime rt = test::loadRuntime();
    const Lesson& l = shippedLesson(rt);
    std::string s = stepNarrationText(l, 1, Lang::Vi);
    CHECK(s.rfind(l.steps[1].title.vi + ". ", 0) == 0);
    CHECK(s.find("\u201C") == std::string::npos);
    CHECK(s.find("\u201D") == std::string::npos);
    CHECK(s.find("gõ VNeID.") != std::string::npos);   // “VNeID” read without its quotes
    // "Trước hết: bác đã có mức 2 chưa?" ends with its own question mark: no full stop is added.
    CHECK(stepNarrationText(l, 0, Lang::Vi).rfind("Trước hết: bác đã có mức 2 chưa? Phần lớn", 0) == 0);
    CHECK(stepNarrationText(l, 1, Lang::En).rfind(l.steps[1].title.en + ". ", 0) == 0);
    CHECK(stepNarrationText(l, -1, Lang::Vi).empty());
    CHECK(stepNarrationText(l, static_cast<int>(l.steps.size()), Lang::Vi).empty());

    Lesson custom;
    custom.steps.push_back({{"Xong rồi!", ""}, {"Bạn đã học xong.", ""}});
    CHECK(stepNarrationText(custom, 0, Lang::Vi) == "Xong rồi! Bạn đã học xong.");
}

TEST_CASE("espeak-ng reads a step of a shipped lesson aloud in Vietnamese")
{
    Runtime rt = test::loadRuntime();
    const Lesson& l = shippedLesson(rt);
    drivers::EspeakSynth synth;
    Audio a;
    std::string error;
    auto t0 = std::chrono::steady_clock::now();
    REQUIRE_MESSAGE(synth.synthesize(stepNarrationText(l, 0, Lang::Vi), "vi", a, error), error);
    auto first = std::chrono::steady_clock::now() - t0;
    t0 = std::chrono::steady_clock::now();
    Audio again;
    REQUIRE(synth.synthesize(stepNarrationText(l, 3, Lang::Vi), "vi", again, error));
    auto second = std::chrono::steady_clock::now() - t0;
    MESSAGE("step 1: " << a.seconds() << " s of speech in " << std::chrono::duration<double, std::milli>(first).count()
                       << " ms (first call, loads espeak-ng); step 4: " << again.seconds() << " s in "
                       << std::chrono::duration<double, std::milli>(second).count() << " ms");
    CHECK(a.sampleRate == 22050);
    CHECK(a.channels == 1);
    CHECK(a.seconds() > 3.0);      // four sentences
    CHECK(a.seconds() < 60.0);
    CHECK(rms(a) > 500.0);         // speech, not silence
    CHECK(rms(again) > 500.0);
}

TEST_CASE("the Central and Southern voices speak, and differently from the Northern one")
{
    Runtime rt = test::loadRuntime();
    std::string text = stepNarrationText(shippedLesson(rt), 2, Lang::Vi);
    drivers::EspeakSynth synth;
    std::string error;
    Audio north, central, south;
    REQUIRE(synth.synthesize(text, "vi", north, error));
    REQUIRE_MESSAGE(synth.synthesize(text, "vi-vn-x-central", central, error), error);
    REQUIRE_MESSAGE(synth.synthesize(text, "vi-vn-x-south", south, error), error);
    for (const Audio* a : {&north, &central, &south}) {
        CHECK(a->seconds() > 1.0);
        CHECK(a->seconds() < 60.0);
        CHECK(rms(*a) > 500.0);
    }
    CHECK(central.samples != north.samples);
    CHECK(south.samples != north.samples);
    CHECK(south.samples != central.samples);

    Audio english;
    REQUIRE(synth.synthesize(stepNarrationText(shippedLesson(rt), 2, Lang::En), "en", english, error));
    CHECK(rms(english) > 500.0);
}

TEST_CASE("an unknown voice is refused with a message naming it")
{
    drivers::EspeakSynth synth;
    Audio a;
    std::string error;
    CHECK_FALSE(synth.synthesize("Xin chào.", "vi-vn-x-hue", a, error));
    CHECK(error.find("vi-vn-x-hue") != std::string::npos);
    CHECK(a.samples.empty());
    CHECK(isVietnameseVoice("vi-vn-x-south"));
    CHECK_FALSE(isVietnameseVoice("en"));
}

TEST_CASE("WAV files round-trip, mono and stereo")
{
    test::TempDir dir;
    for (int channels : {1, 2}) {
        Audio a = tone(channels == 1 ? 22050 : 44100, channels, 0.5);
        std::string error;
        REQUIRE_MESSAGE(writeWav(dir / "a.wav", a, error), error);
        CHECK(std::filesystem::file_size(dir / "a.wav") == 44 + a.samples.size() * 2);
        Audio b;
        REQUIRE_MESSAGE(readWav(dir / "a.wav", b, error), error);
        CHECK(b.sampleRate == a.sampleRate);
        CHECK(b.channels == channels);
        CHECK(b.samples == a.samples);
        CHECK(b.seconds() == doctest::Approx(0.5).epsilon(0.01));
    }
}

TEST_CASE("a file that is not 16-bit PCM WAV is refused with a clear message")
{
    test::TempDir dir;
    std::string error;
    Audio a;
    REQUIRE(writeWav(dir / "good.wav", tone(22050, 1, 0.2), error));
    std::string good = test::readFile(dir / "good.wav");

    test::writeFile(dir / "text.wav", "đây không phải âm thanh");
    CHECK_FALSE(readWav(dir / "text.wav", a, error));
    CHECK(error.find("không phải WAV PCM 16-bit") != std::string::npos);
    CHECK(error.find("text.wav") != std::string::npos);

    std::string eightBit = good;
    eightBit[34] = 8;   // bits per sample
    test::writeFile(dir / "8bit.wav", eightBit);
    CHECK_FALSE(readWav(dir / "8bit.wav", a, error));
    CHECK(error.find("8 bit") != std::string::npos);

    std::string floats = good;
    floats[20] = 3;     // IEEE float
    test::writeFile(dir / "float.wav", floats);
    CHECK_FALSE(readWav(dir / "float.wav", a, error));
    CHECK(error.find("PCM") != std::string::npos);

    std::string sixChannels = good;
    sixChannels[22] = 6;
    test::writeFile(dir / "6ch.wav", sixChannels);
    CHECK_FALSE(readWav(dir / "6ch.wav", a, error));
    CHECK(error.find("6 kênh") != std::string::npos);

    test::writeFile(dir / "cut.wav", good.substr(0, good.size() / 2));
    CHECK_FALSE(readWav(dir / "cut.wav", a, error));
    CHECK(error.find("cắt cụt") != std::string::npos);

    CHECK_FALSE(readWav(dir / "missing.wav", a, error));
    CHECK(error.find("missing.wav") != std::string::npos);
    CHECK(a.samples.empty());   // a refused file leaves the output alone
}

TEST_CASE("a recording beside the lesson replaces synthesis")
{
    Runtime rt = test::loadRuntime();
    const Lesson& l = shippedLesson(rt);
    test::TempDir dir;
    std::filesystem::path assets = dir / "assets";
    std::filesystem::copy(test::assetsDir(), assets, std::filesystem::copy_options::recursive);
    CHECK(recordedNarrationFile(assets, l.id, 2, Lang::Vi).empty());

    Audio recorded = tone(16000, 1, 1.25);
    std::string error;
    std::filesystem::create_directories(assets / "audio" / l.id);
    REQUIRE(writeWav(assets / "audio" / l.id / "2.wav", recorded, error));
    CHECK(recordedNarrationFile(assets, l.id, 2, Lang::Vi) == assets / "audio" / l.id / "2.wav");
    CHECK(recordedNarrationFile(assets, l.id, 2, Lang::En).empty());   // English wants 2.en.wav
    CHECK(recordedNarrationFile(assets, l.id, 1, Lang::Vi).empty());

    GatedSynth synth;
    drivers::FakeSpeaker speaker;
    {
        Narrator narrator(synth, speaker, assets, "vi");
        narrator.say(l, 1, Lang::Vi);
        REQUIRE(speaker.waitForPlays(1, 5s));
        CHECK(narrator.busy());   // the fake plays until told it finished
        speaker.finish();
        CHECK(waitIdle(narrator));
        CHECK(narrator.lastError().empty());
        // The step without a recording is synthesised.
        narrator.say(l, 0, Lang::Vi);
        REQUIRE(speaker.waitForPlays(2, 5s));
    }
    std::vector<Audio> played = speaker.played();
    REQUIRE(played.size() == 2);
    CHECK(played[0].sampleRate == 16000);
    CHECK(played[0].samples == recorded.samples);
    CHECK(synth.calls() == 1);
    CHECK(played[1].sampleRate == 22050);
    CHECK(rms(played[1]) > 500.0);
}

TEST_CASE("a second say() cancels the first: only the second step is played")
{
    Runtime rt = test::loadRuntime();
    const Lesson& l = shippedLesson(rt);
    GatedSynth synth;
    drivers::FakeSpeaker speaker;
    Narrator narrator(synth, speaker, test::assetsDir(), "vi");

    synth.hold();
    narrator.say(l, 0, Lang::Vi);
    REQUIRE(synth.waitEntered(1));   // step 1 is being synthesised...
    narrator.say(l, 2, Lang::Vi);    // ...when the citizen moves on
    synth.release();
    REQUIRE(speaker.waitForPlays(1, 5s));
    speaker.finish();
    CHECK(waitIdle(narrator));
    CHECK(synth.calls() == 2);

    drivers::EspeakSynth direct;
    Audio expected;
    std::string error;
    REQUIRE(direct.synthesize(stepNarrationText(l, 2, Lang::Vi), "vi", expected, error));
    std::vector<Audio> played = speaker.played();
    REQUIRE(played.size() == 1);
    // espeak-ng carries a little state from one utterance to the next (a few hundred samples of
    // difference), so the played audio is compared by length with what each step would give.
    CHECK(sameUtterance(played[0], expected));
    Audio first;
    REQUIRE(direct.synthesize(stepNarrationText(l, 0, Lang::Vi), "vi", first, error));
    CHECK_FALSE(sameUtterance(played[0], first));

    // Back-to-back with nothing held: still only the last one.
    narrator.say(l, 0, Lang::Vi);
    narrator.say(l, 1, Lang::Vi);
    narrator.say(l, 3, Lang::Vi);
    REQUIRE(speaker.waitForPlays(2, 5s));
    speaker.finish();
    CHECK(waitIdle(narrator));
    REQUIRE(direct.synthesize(stepNarrationText(l, 3, Lang::Vi), "vi", expected, error));
    played = speaker.played();
    CHECK(sameUtterance(played.back(), expected));
    CHECK(played.size() <= 4);
}

TEST_CASE("stop() silences what is playing and drops what is being prepared")
{
    Runtime rt = test::loadRuntime();
    const Lesson& l = shippedLesson(rt);
    GatedSynth synth;
    drivers::FakeSpeaker speaker;
    Narrator narrator(synth, speaker, test::assetsDir(), "vi");

    narrator.say(l, 0, Lang::Vi);
    REQUIRE(speaker.waitForPlays(1, 5s));
    CHECK(speaker.playing());
    narrator.stop();
    CHECK_FALSE(speaker.playing());

    synth.hold();
    narrator.say(l, 1, Lang::Vi);
    REQUIRE(synth.waitEntered(2));
    narrator.stop();
    synth.release();
    CHECK(waitIdle(narrator));
    CHECK(speaker.played().size() == 1);
    CHECK(narrator.lastError().empty());
}

TEST_CASE("the narrator reports a missing step and a speaker fault, and carries on")
{
    Runtime rt = test::loadRuntime();
    const Lesson& l = shippedLesson(rt);
    GatedSynth synth;
    drivers::FakeSpeaker speaker;
    Narrator narrator(synth, speaker, test::assetsDir(), "vi");

    narrator.say(l, 99, Lang::Vi);
    CHECK(narrator.lastError().find("100") != std::string::npos);
    CHECK_FALSE(narrator.busy());

    speaker.failWith("không mở được loa: no audio device");
    narrator.say(l, 0, Lang::Vi);
    CHECK(waitIdle(narrator));
    CHECK(narrator.lastError().find("không mở được loa") != std::string::npos);

    speaker.failWith("");
    narrator.say(l, 0, Lang::En);
    REQUIRE(speaker.waitForPlays(1, 5s));
    speaker.finish();
    CHECK(waitIdle(narrator));
    CHECK(narrator.lastError().empty());
}

TEST_CASE("the configuration picks the narration voice, a wrong one is named and the default kept")
{
    ConfigLoad base = loadConfig(test::assetsDir() / "kiosk.toml", std::nullopt);
    CHECK(base.problems.empty());
    CHECK(base.config.narrationVoice == "vi");
    CHECK_FALSE(base.config.narrationAutoRead);

    test::TempDir dir;
    test::writeFile(dir / "south.toml", "[narration]\nvoice = \"vi-vn-x-south\"\nauto_read = true\n");
    ConfigLoad south = loadConfig(test::assetsDir() / "kiosk.toml", dir / "south.toml");
    CHECK(south.problems.empty());
    CHECK(south.config.narrationVoice == "vi-vn-x-south");
    CHECK(south.config.narrationAutoRead);

    test::writeFile(dir / "bad.toml", "[narration]\nvoice = \"fr\"\nauto_read = \"có\"\n");
    ConfigLoad bad = loadConfig(test::assetsDir() / "kiosk.toml", dir / "bad.toml");
    CHECK(bad.config.narrationVoice == "vi");
    CHECK_FALSE(bad.config.narrationAutoRead);
    REQUIRE(bad.problems.size() == 2);
    CHECK(bad.problems[0].message.find("\"fr\"") != std::string::npos);
    CHECK(bad.problems[0].line == 2);
    CHECK(bad.problems[1].message.find("auto_read") != std::string::npos);
    CHECK(bad.problems[1].line == 3);
}

TEST_CASE("SDL audio: no device is an error and never a crash, the dummy driver plays")
{
    Audio a = tone(22050, 1, 0.3);
    std::string error;
    {
        // Whatever this machine has (often nothing in CI): either outcome, but a message on failure.
        drivers::SdlSpeaker speaker;
        CHECK_FALSE(speaker.playing());
        speaker.stop();   // before any play: nothing to do
        bool ok = speaker.play(a, error);
        if (!ok) CHECK_FALSE(error.empty());
        MESSAGE("default audio driver: " << (ok ? "played" : error));
        speaker.stop();
        CHECK_FALSE(speaker.playing());
    }
    const char* previous = std::getenv("SDL_AUDIODRIVER");
    std::string saved = previous ? previous : "";
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    {
        drivers::SdlSpeaker speaker;
        REQUIRE_MESSAGE(speaker.play(a, error), error);
        CHECK(speaker.playing());
        REQUIRE(speaker.play(tone(44100, 2, 0.3), error));   // another format reopens the device
        CHECK(speaker.playing());
        speaker.stop();
        CHECK_FALSE(speaker.playing());
    }
    if (previous) setenv("SDL_AUDIODRIVER", saved.c_str(), 1);
    else unsetenv("SDL_AUDIODRIVER");
}

TEST_CASE("kiosk narrate writes the step's narration as WAV and refuses an unknown lesson or step")
{
    test::TempDir dir;
    std::string out;
    std::string wav = (dir / "buoc2.wav").string();
    REQUIRE_MESSAGE(runKiosk("narrate --lesson vneid-kich-hoat-muc-2 --step 2 --out \"" + wav + "\"", &out) == 0, out);
    Audio a;
    std::string error;
    REQUIRE_MESSAGE(readWav(wav, a, error), error);
    CHECK(a.seconds() > 1.0);
    CHECK(a.seconds() < 60.0);
    CHECK(rms(a) > 500.0);

    std::string south = (dir / "nam.wav").string();
    REQUIRE(runKiosk("narrate --lesson vneid-kich-hoat-muc-2 --step 2 --voice vi-vn-x-south --out \"" + south + "\"", &out) == 0);
    Audio b;
    REQUIRE(readWav(south, b, error));
    CHECK(b.samples != a.samples);

    // A province-only lesson is narratable whatever the configured province.
    REQUIRE(runKiosk("narrate --lesson smart-haiphong --step 1 --lang en --out \"" + (dir / "hp.wav").string() + "\"", &out) == 0);

    CHECK(runKiosk("narrate --lesson khong-co-bai-nay --step 1 --out \"" + (dir / "x.wav").string() + "\"", &out) == 2);
    CHECK(out.find("khong-co-bai-nay") != std::string::npos);
    CHECK(runKiosk("narrate --lesson vneid-kich-hoat-muc-2 --step 99 --out \"" + (dir / "x.wav").string() + "\"", &out) == 2);
    CHECK(out.find("từ 1 đến") != std::string::npos);
    CHECK(runKiosk("narrate --lesson vneid-kich-hoat-muc-2 --step 1 --voice klingon --out \"" + (dir / "x.wav").string() + "\"", &out) == 2);
    CHECK_FALSE(std::filesystem::exists(dir / "x.wav"));
}
