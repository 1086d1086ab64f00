// JSON and CSV renderings of a Report (nlohmann::ordered_json keeps the documented key order).
#include "kiosk/report_export.hpp"
#include <nlohmann/json.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>

namespace kiosk {

namespace {

using Json = nlohmann::ordered_json;

// Percentages are shown to one decimal place everywhere (JSON, CSV and the workbook agree).
double oneDecimal(double v) { return std::round(v * 10.0) / 10.0; }

Json optionalNumber(const std::optional<double>& v) { return v ? Json(oneDecimal(*v)) : Json(nullptr); }

Json groups(const std::vector<GroupFigures>& list, const char* keyName, bool withLabel)
{
    Json out = Json::array();
    for (const GroupFigures& g : list) {
        Json j;
        j[keyName] = g.key;
        if (withLabel) j["label"] = g.label;
        j["sessions"] = g.sessions;
        j["citizens"] = g.citizens;
        out.push_back(std::move(j));
    }
    return out;
}

std::string numberText(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", oneDecimal(v));
    return buf;
}

// One CSV field. Text that a spreadsheet would run as a formula (= + - @ first) gets a leading
// apostrophe: a village typed as "=HYPERLINK(...)" in an import stays text.
std::string field(std::string_view s)
{
    std::string v(s);
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v.insert(v.begin(), '\'');
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string q = "\"";
    for (char c : v) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + "\"";
}

class CsvWriter {
public:
    CsvWriter() { m_out = "\xEF\xBB\xBF" "section,code,label,metric,value,full_name,birth_year,village\r\n"; }
    void figure(std::string_view section, std::string_view code, std::string_view label, std::string_view metric, const std::string& value)
    {
        m_out += field(section) + ',' + field(code) + ',' + field(label) + ',' + field(metric) + ',' + field(value) + ",,,\r\n";
    }
    void figure(std::string_view section, std::string_view code, std::string_view label, std::string_view metric, int64_t value)
    {
        figure(section, code, label, metric, std::to_string(value));
    }
    void listRow(std::string_view code, std::string_view label, const ListEntry& e)
    {
        m_out += "list," + field(code) + ',' + field(label) + ",,," + field(e.fullName) + ',' +
                 (e.birthYear > 0 ? std::to_string(e.birthYear) : std::string()) + ',' + field(e.village) + "\r\n";
    }
    std::string take() { return std::move(m_out); }

private:
    std::string m_out;
};

} // namespace

std::string reportJson(const Report& r)
{
    Json j;
    j["commune"] = r.commune;
    j["period"] = {{"from", isoDate(r.period.first)}, {"to", isoDate(r.period.last)}, {"label", r.period.label}};
    j["sessions"] = r.sessions;
    j["anonymous_sessions"] = r.anonymousSessions;
    j["citizens"] = r.citizens;
    j["staff_active"] = r.staffActive;
    Json indicators = Json::array(), lists = Json::object();
    for (const IndicatorFigures& i : r.indicators) {
        indicators.push_back({{"code", i.code}, {"label", i.label}, {"sessions", i.sessions}, {"citizens", i.citizens}});
        Json rows = Json::array();
        for (const ListEntry& e : i.list) rows.push_back({{"full_name", e.fullName}, {"birth_year", e.birthYear}, {"village", e.village}});
        lists[i.code] = std::move(rows);
    }
    j["indicators"] = std::move(indicators);
    j["lists"] = std::move(lists);
    j["by_village"] = groups(r.byVillage, "village", false);
    j["by_staff"] = groups(r.byStaff, "staff", false);
    j["by_gender"] = groups(r.byGender, "gender", true);
    j["by_age_band"] = groups(r.byAgeBand, "band", true);
    Json lessons = Json::array();
    for (const LessonFigures& l : r.lessons)
        lessons.push_back({{"lesson", l.lesson}, {"title", l.title}, {"opened", l.opened}, {"completed", l.completed},
                           {"quiz_completed", l.quizCompleted}, {"quiz_average_percent", optionalNumber(l.quizAveragePercent)}});
    j["lessons"] = {{"available", r.lessonsAvailable}, {"visits", r.visits}, {"items", std::move(lessons)}};
    Json targets = Json::array();
    for (const TargetProgress& t : r.targets)
        targets.push_back({{"code", t.code}, {"label", t.label}, {"of", t.of}, {"denominator", t.denominator},
                           {"target_percent", oneDecimal(t.targetPercent)},
                           {"target_count", t.targetCount ? Json(*t.targetCount) : Json(nullptr)}, {"achieved", t.achieved},
                           {"achieved_percent", optionalNumber(t.achievedPercent)}});
    j["targets"] = {{"year", r.targetsYear},
                    {"from", isoDate(r.targetsFrom)},
                    {"to", isoDate(r.targetsTo)},
                    {"adult_population", r.adultPopulation},
                    {"households", r.households},
                    {"population", r.population},
                    {"items", std::move(targets)}};
    j["warnings"] = r.warnings;
    return j.dump(2) + "\n";
}

std::string reportCsv(const Report& r)
{
    CsvWriter w;
    w.figure("report", "commune", "Đơn vị", "text", r.commune);
    w.figure("period", "from", r.period.label, "date", isoDate(r.period.first));
    w.figure("period", "to", r.period.label, "date", isoDate(r.period.last));
    w.figure("summary", "sessions", "Số lượt hỗ trợ", "count", r.sessions);
    w.figure("summary", "anonymous_sessions", "Lượt không lưu thông tin cá nhân", "count", r.anonymousSessions);
    w.figure("summary", "citizens", "Số người dân được hỗ trợ", "count", r.citizens);
    w.figure("summary", "staff_active", "Thành viên hoạt động", "count", r.staffActive);
    for (const IndicatorFigures& i : r.indicators) {
        w.figure("indicator", i.code, i.label, "sessions", i.sessions);
        w.figure("indicator", i.code, i.label, "citizens", i.citizens);
    }
    const std::pair<const char*, const std::vector<GroupFigures>*> breakdowns[] = {
        {"village", &r.byVillage}, {"staff", &r.byStaff}, {"gender", &r.byGender}, {"age_band", &r.byAgeBand}};
    for (const auto& [section, list] : breakdowns)
        for (const GroupFigures& g : *list) {
            w.figure(section, g.key, g.label, "sessions", g.sessions);
            w.figure(section, g.key, g.label, "citizens", g.citizens);
        }
    if (r.lessonsAvailable) {
        w.figure("lessons", "visits", "Lượt sử dụng ki-ốt", "count", r.visits);
        for (const LessonFigures& l : r.lessons) {
            w.figure("lesson", l.lesson, l.title, "opened", l.opened);
            w.figure("lesson", l.lesson, l.title, "completed", l.completed);
            w.figure("lesson", l.lesson, l.title, "quiz_completed", l.quizCompleted);
            if (l.quizAveragePercent) w.figure("lesson", l.lesson, l.title, "quiz_average_percent", numberText(*l.quizAveragePercent));
        }
    }
    for (const TargetProgress& t : r.targets) {
        w.figure("target", t.code, t.label, "of", t.of);
        w.figure("target", t.code, t.label, "target_percent", numberText(t.targetPercent));
        w.figure("target", t.code, t.label, "denominator", t.denominator);
        if (t.targetCount) w.figure("target", t.code, t.label, "target_count", *t.targetCount);
        w.figure("target", t.code, t.label, "achieved", t.achieved);
        if (t.achievedPercent) w.figure("target", t.code, t.label, "achieved_percent", numberText(*t.achievedPercent));
    }
    for (const IndicatorFigures& i : r.indicators)
        for (const ListEntry& e : i.list) w.listRow(i.code, i.label, e);
    return w.take();
}

bool writeFileAtomically(const std::filesystem::path& file, const std::string& bytes, std::string& error)
{
    std::filesystem::path tmp = file;
    tmp += ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), std::streamsize(bytes.size()));
        out.flush();
        if (!out) {
            error = "Không ghi được tệp " + file.string() + ": kiểm tra thư mục có tồn tại, còn chỗ trống và được phép ghi.";
            std::error_code ec;
            std::filesystem::remove(tmp, ec);
            return false;
        }
    }
    std::error_code ec;
    // The lists name citizens: only the officer who exported the report may read the file.
    std::filesystem::permissions(tmp, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::replace, ec);
    std::filesystem::rename(tmp, file, ec);
    if (ec) {
        error = "Không ghi được tệp " + file.string() + " (" + ec.message() + ").";
        std::filesystem::remove(tmp, ec);
        return false;
    }
    return true;
}

} // namespace kiosk
