// Status and StatusOr<T>: errors as values that carry their context.
//
// A Status is either OK or holds a code and a message that names the operation and the object
// (a file, a field, a byte offset) before the cause. Values are cheap to copy and
// thread-compatible.
//
// Example:
//   StatusOr<std::string> text = ReadFile(path);
//   if (!text.ok()) return text.status();
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace gongkai {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller gave something malformed (a bad option, a bad date)
  kNotFound,         // a file or record that does not exist
  kDataLoss,         // input that cannot be decoded (bad bytes)
  kUnimplemented,    // a format we recognise but do not read (e.g. legacy .doc)
  kFailedPrecondition,
  kResourceExhausted,  // input larger than our limits
  kInternal,
  kIoError,
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns "message" for errors and "OK" for success.
  std::string ToString() const { return ok() ? "OK" : message_; }

  // Returns a copy whose message is prefixed with `context: `.
  Status WithContext(const std::string& context) const {
    if (ok()) return *this;
    return Status(code_, context + ": " + message_);
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgumentError(std::string m) {
  return Status(StatusCode::kInvalidArgument, std::move(m));
}
inline Status NotFoundError(std::string m) { return Status(StatusCode::kNotFound, std::move(m)); }
inline Status DataLossError(std::string m) { return Status(StatusCode::kDataLoss, std::move(m)); }
inline Status UnimplementedError(std::string m) {
  return Status(StatusCode::kUnimplemented, std::move(m));
}
inline Status ResourceExhaustedError(std::string m) {
  return Status(StatusCode::kResourceExhausted, std::move(m));
}
inline Status IoError(std::string m) { return Status(StatusCode::kIoError, std::move(m)); }
inline Status FailedPreconditionError(std::string m) {
  return Status(StatusCode::kFailedPrecondition, std::move(m));
}

// Either a value of T or a non-OK Status.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  StatusOr(Status status) : status_(std::move(status)) {  // NOLINT
    if (status_.ok()) status_ = Status(StatusCode::kInternal, "StatusOr built from OK status");
  }
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  // REQUIRES: ok()
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace gongkai

#define GONGKAI_CONCAT_INNER(a, b) a##b
#define GONGKAI_CONCAT(a, b) GONGKAI_CONCAT_INNER(a, b)

// Returns from the current function if `expr` (a Status) is not OK.
#define GONGKAI_RETURN_IF_ERROR(expr)                  \
  do {                                                 \
    ::gongkai::Status gongkai_status_ = (expr);        \
    if (!gongkai_status_.ok()) return gongkai_status_; \
  } while (0)

// Declares `lhs` from a StatusOr expression, or returns its error.
#define GONGKAI_ASSIGN_OR_RETURN(lhs, rexpr) \
  GONGKAI_ASSIGN_OR_RETURN_IMPL(GONGKAI_CONCAT(gongkai_statusor_, __LINE__), lhs, rexpr)
#define GONGKAI_ASSIGN_OR_RETURN_IMPL(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                                  \
  if (!tmp.ok()) return tmp.status();                  \
  lhs = std::move(tmp).value()
