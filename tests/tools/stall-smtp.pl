#!/usr/bin/perl
# stall-smtp.pl PORT MODE CERT-CHAIN KEY LOG - an SMTP server on 127.0.0.1
# that stops answering, for the daemon's fault tests (issue #9):
#   ehlo  greets, reads EHLO and then says nothing more;
#   data  speaks STARTTLS (with CERT-CHAIN and KEY), accepts any AUTH,
#         MAIL, RCPT and DATA, reads the message and never answers it.
# One connection at a time; a stalled one is held until the client gives
# up.  Each stall is logged to LOG as "stalled after EHLO|DATA".  Stop it
# with SIGTERM (by PID).
use strict;
use warnings;
use IO::Socket::INET;
use IO::Handle;
use Net::SSLeay;

my ($port, $mode, $chain, $key, $logfile) = @ARGV;
die "usage: $0 PORT ehlo|data CERT-CHAIN KEY LOG\n"
    unless defined $logfile && $mode =~ /^(ehlo|data)$/;

Net::SSLeay::load_error_strings();
Net::SSLeay::SSLeay_add_ssl_algorithms();
Net::SSLeay::randomize();

open(my $log, '>>', $logfile) or die "$logfile: $!\n";
$log->autoflush(1);
my $server = IO::Socket::INET->new(LocalAddr => '127.0.0.1',
    LocalPort => $port, Listen => 5, ReuseAddr => 1, Proto => 'tcp')
    or die "listen on $port: $!\n";
print $log "listening on $port, mode $mode\n";

# The connection's I/O: plain, then TLS after STARTTLS.
my ($sock, $ssl);

sub say_line {
	my ($line) = @_;
	if ($ssl) { Net::SSLeay::write($ssl, "$line\r\n"); }
	else { print $sock "$line\r\n"; }
}

sub read_line {
	my $line = $ssl ? Net::SSLeay::ssl_read_CRLF($ssl) : <$sock>;
	return undef unless defined $line && length $line;
	$line =~ s/\r?\n\z//;
	return $line;
}

# Hold the connection without a word until the client closes it.
sub stall {
	my ($what) = @_;
	print $log "stalled after $what\n";
	while (defined(read_line())) { }
	print $log "client gave up after $what\n";
}

sub start_tls {
	my $ctx = Net::SSLeay::CTX_new() or die "CTX_new\n";
	Net::SSLeay::CTX_use_certificate_chain_file($ctx, $chain) or die "cert\n";
	Net::SSLeay::CTX_use_PrivateKey_file($ctx, $key,
	    &Net::SSLeay::FILETYPE_PEM) or die "key\n";
	$ssl = Net::SSLeay::new($ctx);
	Net::SSLeay::set_fd($ssl, fileno($sock));
	return Net::SSLeay::accept($ssl) > 0;
}

sub session {
	say_line("220 stall.example.test ESMTP stall-smtp");
	while (defined(my $line = read_line())) {
		if ($line =~ /^(EHLO|HELO)/i) {
			return stall("EHLO") if $mode eq 'ehlo';
			if ($ssl) {
				say_line("250-stall.example.test");
				say_line("250 AUTH PLAIN");
			} else {
				say_line("250-stall.example.test");
				say_line("250 STARTTLS");
			}
		} elsif ($line =~ /^STARTTLS/i) {
			say_line("220 2.0.0 Ready to start TLS");
			start_tls() or return;
		} elsif ($line =~ /^AUTH \S+$/i) {
			say_line("334 ");
			read_line();
			say_line("235 2.7.0 Authentication successful");
		} elsif ($line =~ /^AUTH/i) {
			say_line("235 2.7.0 Authentication successful");
		} elsif ($line =~ /^(MAIL|RCPT)/i) {
			say_line("250 2.1.0 Ok");
		} elsif ($line =~ /^DATA/i) {
			say_line("354 End data with <CR><LF>.<CR><LF>");
			while (defined(my $l = read_line())) {
				return stall("DATA") if $l eq '.';
			}
			return;
		} elsif ($line =~ /^QUIT/i) {
			say_line("221 2.0.0 Bye");
			return;
		} else {
			say_line("250 2.0.0 Ok");
		}
	}
}

$SIG{TERM} = sub { exit 0 };
$SIG{PIPE} = 'IGNORE';
while ($sock = $server->accept()) {
	$sock->autoflush(1);
	$ssl = undef;
	session();
	Net::SSLeay::free($ssl) if $ssl;
	close($sock);
}
