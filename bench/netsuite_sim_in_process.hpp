#pragma once
// The NetSuite simulator for B2, started in-process on an ephemeral port. Its own translation
// unit: the simulator's server headers and the SDK's HTTP client both name erpc::http_headers.

#include <memory>
#include <string>

class netsuite_sim_in_process {
 public:
  netsuite_sim_in_process();  // started; stops with this object
  ~netsuite_sim_in_process();
  netsuite_sim_in_process(const netsuite_sim_in_process&) = delete;
  netsuite_sim_in_process& operator=(const netsuite_sim_in_process&) = delete;

  std::string base_url() const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};
