// Narration of lesson steps: the spoken text, recorded files, WAV parsing/writing and the Narrator's worker.
#include "kiosk/output/narration.hpp"
#include <spdlog/spdlog.h>
#include <algorithm>
#include <fstream>
#include <iterator>

namespace kiosk {

double Audio::seconds() const
{
    if (sampleRate <= 0 || channels <= 0) return 0.0;
    return static_cast<double>(samples.size()) / channels / sampleRate;
}

// ---------------------------------------------------------------------------------------------
// The spoken text

namespace {

std::string trimmed(std::string_view s)
{
    const char* ws = " \t\r\n";
    size_t a = s.find_first_not_of(ws);
    if (a == std::string_view::npos) return {};
    size_t b = s.find_last_not_of(ws);
    return std::string(s.substr(a, b - a + 1));
}

// The screen quotes button names (“Cài đặt”); a synthesiser would either say nothing or read the
// marks out, so they go.
std::string withoutQuotes(std::string s)
{
    for (std::string_view q : {std::string_view("\u201C"), std::string_view("\u201D")})
        for (size_t at = s.find(q); at != std::string::npos; at = s.find(q, at)) s.erase(at, q.size());
    return s;
}

bool endsWith(const std::string& s, std::string_view tail)
{
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

} // namespace

std::string stepNarrationText(const Lesson& lesson, int step0, Lang lang)
{
    if (step0 < 0 || step0 >= static_cast<int>(lesson.steps.size())) return {};
    const Step& step = lesson.steps[static_cast<size_t>(step0)];
    std::string title = trimmed(withoutQuotes(step.title.in(lang)));
    std::string text = trimmed(withoutQuotes(step.text.in(lang)));
    // Without a stop the synthesiser runs the title into the first sentence with no pause.
    if (!title.empty()) {
        if (title.back() == ':' || title.back() == ';' || title.back() == ',') title.back() = '.';
        else if (!(title.back() == '.' || title.back() == '!' || title.back() == '?' || endsWith(title, "\u2026"))) title += '.';
    }
    if (title.empty()) return text;
    if (text.empty()) return title;
    return title + " " + text;
}

std::filesystem::path recordedNarrationFile(const std::filesystem::path& assetsDir, const std::string& lessonId, int step1, Lang lang)
{
    if (lessonId.empty() || step1 < 1) return {};
    std::filesystem::path file = assetsDir / "audio" / lessonId / (std::to_string(step1) + (lang == Lang::En ? ".en.wav" : ".wav"));
    std::error_code ec;
    return std::filesystem::is_regular_file(file, ec) ? file : std::filesystem::path{};
}

// ---------------------------------------------------------------------------------------------
// WAV files

namespace {

// Narrations are seconds long; a file this big is a mistake, not worth reading into memory.
constexpr std::uintmax_t kMaxWavBytes = 256u * 1024 * 1024;

uint16_t le16(const unsigned char* p) { return static_cast<uint16_t>(p[0] | (p[1] << 8)); }
uint32_t le32(const unsigned char* p) { return static_cast<uint32_t>(p[0]) | (static_cast<uint32_t>(p[1]) << 8) | (static_cast<uint32_t>(p[2]) << 16) | (static_cast<uint32_t>(p[3]) << 24); }

void put16(std::string& out, uint32_t v) { out += static_cast<char>(v & 0xff); out += static_cast<char>((v >> 8) & 0xff); }
void put32(std::string& out, uint32_t v) { put16(out, v & 0xffff); put16(out, v >> 16); }

} // namespace

bool readWav(const std::filesystem::path& file, Audio& out, std::string& error)
{
    const std::string name = file.string();
    auto notWav = [&](const std::string& why) {
        error = "tệp âm thanh " + name + " không phải WAV PCM 16-bit: " + why;
        return false;
    };
    std::error_code ec;
    std::uintmax_t size = std::filesystem::file_size(file, ec);
    if (ec) {
        error = "không mở được tệp âm thanh " + name + ": " + ec.message();
        return false;
    }
    if (size > kMaxWavBytes) return notWav("tệp quá lớn (" + std::to_string(size / (1024 * 1024)) + " MB)");
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        error = "không mở được tệp âm thanh " + name;
        return false;
    }
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto* d = reinterpret_cast<const unsigned char*>(bytes.data());
    const size_t n = bytes.size();
    if (n < 12 || bytes.compare(0, 4, "RIFF") != 0 || bytes.compare(8, 4, "WAVE") != 0) return notWav("không có phần đầu RIFF/WAVE");

    bool haveFmt = false, haveData = false;
    uint16_t format = 0, channels = 0, bits = 0;
    uint32_t rate = 0;
    size_t dataAt = 0, dataBytes = 0;
    for (size_t pos = 12; pos + 8 <= n;) {
        std::string_view id(bytes.data() + pos, 4);
        size_t len = le32(d + pos + 4);
        size_t body = pos + 8;
        if (id == "fmt ") {
            if (len < 16 || body + len > n) return notWav("khối fmt hỏng");
            format = le16(d + body);
            channels = le16(d + body + 2);
            rate = le32(d + body + 4);
            bits = le16(d + body + 14);
            // WAVE_FORMAT_EXTENSIBLE: the real format is the first two bytes of the sub-format GUID.
            if (format == 0xFFFE && len >= 40) format = le16(d + body + 24);
            haveFmt = true;
        } else if (id == "data") {
            if (body + len > n) return notWav("tệp bị cắt cụt (khối data dài " + std::to_string(len) + " byte, chỉ còn " + std::to_string(n - body) + ")");
            dataAt = body;
            dataBytes = len;
            haveData = true;
            break;
        }
        pos = body + len + (len & 1);   // chunks are padded to an even length
    }
    if (!haveFmt) return notWav("thiếu khối fmt");
    if (format != 1) return notWav("mã hoá " + std::to_string(format) + " (chỉ nhận PCM)");
    if (bits != 16) return notWav(std::to_string(bits) + " bit mỗi mẫu (chỉ nhận 16 bit)");
    if (channels != 1 && channels != 2) return notWav(std::to_string(channels) + " kênh (chỉ nhận đơn kênh hoặc hai kênh)");
    if (rate < 8000 || rate > 192000) return notWav("tần số lấy mẫu " + std::to_string(rate) + " Hz không hợp lệ");
    if (!haveData) return notWav("thiếu khối data");

    Audio a;
    a.sampleRate = static_cast<int>(rate);
    a.channels = channels;
    size_t frames = dataBytes / (2u * channels);   // a trailing partial frame is dropped
    a.samples.resize(frames * channels);
    for (size_t i = 0; i < a.samples.size(); ++i) a.samples[i] = static_cast<int16_t>(le16(d + dataAt + 2 * i));
    out = std::move(a);
    return true;
}

bool writeWav(const std::filesystem::path& file, const Audio& audio, std::string& error)
{
    const std::string name = file.string();
    if (audio.channels != 1 && audio.channels != 2) {
        error = "không ghi được " + name + ": " + std::to_string(audio.channels) + " kênh (chỉ ghi đơn kênh hoặc hai kênh)";
        return false;
    }
    if (audio.sampleRate < 8000 || audio.sampleRate > 192000) {
        error = "không ghi được " + name + ": tần số lấy mẫu " + std::to_string(audio.sampleRate) + " Hz không hợp lệ";
        return false;
    }
    if (audio.samples.size() % static_cast<size_t>(audio.channels) != 0 || audio.samples.size() * 2 > 0xFFFFFFFFu - 36) {
        error = "không ghi được " + name + ": số mẫu âm thanh không hợp lệ";
        return false;
    }
    const uint32_t dataBytes = static_cast<uint32_t>(audio.samples.size() * 2);
    const uint32_t channels = static_cast<uint32_t>(audio.channels);
    const uint32_t rate = static_cast<uint32_t>(audio.sampleRate);
    std::string bytes;
    bytes.reserve(44 + dataBytes);
    bytes += "RIFF";
    put32(bytes, 36 + dataBytes);
    bytes += "WAVEfmt ";
    put32(bytes, 16);
    put16(bytes, 1);                     // PCM
    put16(bytes, channels);
    put32(bytes, rate);
    put32(bytes, rate * channels * 2);   // bytes per second
    put16(bytes, channels * 2);          // bytes per frame
    put16(bytes, 16);
    bytes += "data";
    put32(bytes, dataBytes);
    for (int16_t s : audio.samples) put16(bytes, static_cast<uint16_t>(s));

    std::ofstream f(file, std::ios::binary | std::ios::trunc);
    if (!f) {
        error = "không ghi được tệp âm thanh " + name;
        return false;
    }
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    f.close();
    if (!f) {
        error = "không ghi được tệp âm thanh " + name + " (đĩa đầy?)";
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// Narrator

Narrator::Narrator(SpeechSynth& synth, Speaker& speaker, std::filesystem::path assetsDir, std::string viVoice, std::string enVoice)
    : m_synth(synth), m_speaker(speaker), m_assetsDir(std::move(assetsDir)), m_viVoice(std::move(viVoice)), m_enVoice(std::move(enVoice)),
      m_worker([this] { run(); })
{
}

Narrator::~Narrator()
{
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
        ++m_generation;
        m_pending.reset();
    }
    m_wake.notify_one();
    m_worker.join();
    m_speaker.stop();
}

void Narrator::say(const Lesson& lesson, int step0, Lang lang)
{
    const bool valid = step0 >= 0 && step0 < static_cast<int>(lesson.steps.size());
    Request r;
    if (valid) {
        // A step without its English translation is shown in Vietnamese: read it in Vietnamese too.
        if (lang == Lang::En && lesson.steps[static_cast<size_t>(step0)].text.en.empty()) lang = Lang::Vi;
        r.text = stepNarrationText(lesson, step0, lang);
        r.voice = lang == Lang::En ? m_enVoice : m_viVoice;
        r.lessonId = lesson.id;
        r.step1 = step0 + 1;
        r.lang = lang;
    }
    {
        std::lock_guard lock(m_mutex);
        ++m_generation;
        m_lastError.clear();
        m_pending.reset();
        if (valid) m_pending = std::move(r);
        else m_lastError = "bài học " + lesson.id + " không có bước " + std::to_string(step0 + 1);
    }
    m_wake.notify_one();
    std::lock_guard play(m_playMutex);
    m_speaker.stop();
}

void Narrator::stop()
{
    {
        std::lock_guard lock(m_mutex);
        ++m_generation;
        m_pending.reset();
    }
    std::lock_guard play(m_playMutex);
    m_speaker.stop();
}

bool Narrator::busy() const
{
    {
        std::lock_guard lock(m_mutex);
        if (m_pending || m_working) return true;
    }
    return m_speaker.playing();
}

std::string Narrator::lastError() const
{
    std::lock_guard lock(m_mutex);
    return m_lastError;
}

bool Narrator::prepare(const Request& request, Audio& audio, std::string& error)
{
    std::filesystem::path recorded = recordedNarrationFile(m_assetsDir, request.lessonId, request.step1, request.lang);
    if (!recorded.empty()) {
        if (readWav(recorded, audio, error)) return true;
        // A broken recording should not silence the step: say why in the log and synthesise.
        spdlog::warn("bản ghi âm bị bỏ qua, đọc bằng giọng máy: {}", error);
        error.clear();
    }
    if (request.text.empty()) {
        error = "bước " + std::to_string(request.step1) + " của bài học " + request.lessonId + " không có chữ để đọc";
        return false;
    }
    return m_synth.synthesize(request.text, request.voice, audio, error);
}

void Narrator::run()
{
    for (;;) {
        Request request;
        uint64_t generation = 0;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_quit || m_pending.has_value(); });
            if (m_quit) return;
            request = std::move(*m_pending);
            m_pending.reset();
            generation = m_generation;
            m_working = true;
        }
        Audio audio;
        std::string error;
        bool ok = false;
        try {
            ok = prepare(request, audio, error);
        } catch (const std::exception& e) {
            error = std::string("lỗi khi chuẩn bị lời đọc: ") + e.what();
        }
        std::lock_guard play(m_playMutex);
        bool current = false;
        {
            std::lock_guard lock(m_mutex);
            current = generation == m_generation;
        }
        // Under m_playMutex a say()/stop() cannot slip between this check and play(): what it
        // cancelled is either dropped here or stopped by it right after.
        if (current && ok) ok = m_speaker.play(audio, error);
        std::lock_guard lock(m_mutex);
        if (current && !ok) m_lastError = error;
        m_working = false;
    }
}

} // namespace kiosk
