// The upload protocol's fixed points, shared by the kiosk (client) and kiosk-collector (server):
// the endpoint, the protocol number, and what a kiosk may send to (README: "The upload protocol").
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk {

inline constexpr std::string_view kUploadPath = "/api/v1/upload";
inline constexpr int kUploadProtocol = 1;
inline constexpr int kUsageEventsPerRecord = 500;   // anonymous statistics: events per "usage" record
// A batch ends at `batch_size` records or once its records' JSON reaches this many bytes, whichever
// comes first: a quarter of the collector's default limit (16 MiB, decompressed), so that a batch
// of statistics (~55 KB a record) is never refused as too large whatever batch_size says.
inline constexpr size_t kMaxBatchBytes = 4 * 1024 * 1024;

// https:// anywhere, or plain http:// only to this machine (127.0.0.0/8, [::1]): personal fields
// travel in the batches and must never cross a network in clear. Literal addresses only: a name
// such as "localhost" could resolve elsewhere. No user:password@ part. False with a Vietnamese
// message saying what to change.
bool checkUploadUrl(std::string_view url, std::string& error);

// The collector's address as staff type it, "http://collector:8080" or "https://xa.example.vn/",
// becomes its endpoint (kUploadPath appended). A URL with any other path, a query or a fragment is
// returned as given: a proxy in front of the collector may serve it elsewhere.
std::string uploadEndpoint(std::string_view url);

// A token is 16–256 printable ASCII characters without spaces (it goes into an HTTP header).
bool validToken(std::string_view token);

} // namespace kiosk
