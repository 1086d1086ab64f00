// Private output files: mkostemp/mkdtemp beside the target, fsync, rename (see private_file.hpp).
#include "kiosk/common/private_file.hpp"
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk {

namespace {

namespace fs = std::filesystem;

fs::path folderOf(const fs::path& target)
{
    return target.parent_path().empty() ? fs::path(".") : target.parent_path();
}

// "/dir/report.xlsx" → "/dir/.report.xlsx.XXXXXX": hidden, and named after what it will become.
std::string templateFor(const fs::path& target)
{
    return (folderOf(target) / ("." + target.filename().string() + ".XXXXXX")).string();
}

std::string cannotWrite(const fs::path& target, int err)
{
    return "Không ghi được tệp " + target.string() + " (" + std::strerror(err) +
           "): kiểm tra thư mục có tồn tại, còn chỗ trống và được phép ghi.";
}

void syncFolder(const fs::path& target)
{
    const int dir = ::open(folderOf(target).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) return;
    ::fsync(dir);
    ::close(dir);
}

} // namespace

PrivateFile::~PrivateFile() { discard(); }

void PrivateFile::discard()
{
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
    if (!m_temp.empty()) ::unlink(m_temp.c_str());
    m_temp.clear();
}

bool PrivateFile::create(const fs::path& target, std::string& error)
{
    discard();
    m_failed = false;
    m_target = target;
    if (target.filename().empty()) {
        error = "Tên tệp " + target.string() + " không hợp lệ.";
        return false;
    }
    std::string name = templateFor(target);
    // mkostemp: O_CREAT|O_EXCL with mode 0600, whatever the umask says.
    m_fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (m_fd < 0) {
        error = cannotWrite(target, errno);
        return false;
    }
    m_temp = name;
    return true;
}

bool PrivateFile::write(std::string_view bytes)
{
    if (m_fd < 0) return false;
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(m_fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            m_failed = true;
            return false;
        }
        done += static_cast<size_t>(n);
    }
    return true;
}

bool PrivateFile::commit(std::string& error)
{
    if (m_fd < 0) {
        error = cannotWrite(m_target, EBADF);
        return false;
    }
    int err = m_failed ? EIO : 0;
    if (!err && ::fsync(m_fd) != 0) err = errno;
    if (::close(m_fd) != 0 && !err) err = errno;
    m_fd = -1;
    if (!err && ::rename(m_temp.c_str(), m_target.c_str()) != 0) err = errno;
    if (err) {
        error = cannotWrite(m_target, err);
        discard();
        return false;
    }
    m_temp.clear();
    syncFolder(m_target);
    return true;
}

bool writePrivateFile(const fs::path& target, std::string_view bytes, std::string& error)
{
    PrivateFile f;
    if (!f.create(target, error)) return false;
    if (!f.write(bytes)) {
        error = cannotWrite(target, errno ? errno : EIO);
        return false;
    }
    return f.commit(error);
}

PrivateStaging::~PrivateStaging()
{
    if (m_dir.empty()) return;
    std::error_code ec;
    fs::remove_all(m_dir, ec);
}

bool PrivateStaging::create(const fs::path& target, std::string& error)
{
    m_target = target;
    if (target.filename().empty()) {
        error = "Tên tệp " + target.string() + " không hợp lệ.";
        return false;
    }
    std::string name = templateFor(target);
    if (!::mkdtemp(name.data())) {   // mode 0700
        error = cannotWrite(target, errno);
        return false;
    }
    m_dir = name;
    return true;
}

bool PrivateStaging::publish(std::string& error)
{
    const fs::path staged = file();
    const int fd = ::open(staged.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    int err = fd < 0 ? errno : 0;
    if (!err && ::fchmod(fd, 0600) != 0) err = errno;
    if (!err && ::fsync(fd) != 0) err = errno;
    if (fd >= 0) ::close(fd);
    if (!err && ::rename(staged.c_str(), m_target.c_str()) != 0) err = errno;
    if (err) {
        error = cannotWrite(m_target, err);
        return false;
    }
    syncFolder(m_target);
    return true;
}

} // namespace kiosk
