// The dashboard's worker thread: one build at a time, the newest request next, any failure
// (an exception included) shown as the dashboard's error rather than ending the kiosk.
#include "kiosk/flow/staff_dashboard_worker.hpp"
#include <spdlog/spdlog.h>
#include <exception>

namespace kiosk {

DashboardWorker::DashboardWorker(std::filesystem::path databaseFile, const Vault& vault, const Config& config, std::vector<ServiceDef> services)
    : m_file(std::move(databaseFile)), m_vault(vault), m_config(config), m_services(std::move(services)), m_thread([this] { run(); })
{
}

DashboardWorker::~DashboardWorker()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_pending.reset();
    }
    m_cv.notify_all();
    m_thread.join();
}

void DashboardWorker::request(int64_t nowUnix)
{
    {
        std::lock_guard lock(m_mutex);
        m_pending = nowUnix;
    }
    m_cv.notify_all();
}

std::optional<Dashboard> DashboardWorker::take()
{
    std::lock_guard lock(m_mutex);
    std::optional<Dashboard> d;
    d.swap(m_done);
    return d;
}

bool DashboardWorker::busy() const
{
    std::lock_guard lock(m_mutex);
    return m_pending || m_building || m_done;
}

bool DashboardWorker::await(int timeoutMs)
{
    std::unique_lock lock(m_mutex);
    return m_cv.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return !m_pending && !m_building; });
}

void DashboardWorker::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_cv.wait(lock, [this] { return m_stop || m_pending; });
        if (m_stop) return;
        const int64_t now = *m_pending;
        m_pending.reset();
        m_building = true;
        lock.unlock();
        Dashboard d = build(now);
        lock.lock();
        m_building = false;
        m_done = std::move(d);
        m_cv.notify_all();
    }
}

Dashboard DashboardWorker::build(int64_t nowUnix)
{
    try {
        if (!m_db) {
            std::string error;
            m_db = Database::open(m_file, error);
            if (!m_db) {
                Dashboard d;
                d.error = error;
                return d;
            }
        }
        return buildDashboard(*m_db, m_vault, m_config, m_services, nowUnix);
    } catch (const std::exception& e) {
        spdlog::error("bảng số liệu của cán bộ: lỗi không lường trước ({}) / staff dashboard: unexpected {}", typeid(e).name(), typeid(e).name());
    } catch (...) {
        spdlog::error("bảng số liệu của cán bộ: lỗi không lường trước / staff dashboard: unexpected exception");
    }
    m_db.reset();   // opened again at the next build
    Dashboard d;
    d.error = "Chưa tính được số liệu của quý (lỗi không lường trước, đã ghi vào nhật ký); mở lại màn hình này để thử lại.";
    return d;
}

} // namespace kiosk
