using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.IO;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;

namespace Prorata.Testing;

/// <summary>
/// A real SMTP server (the SmtpServer package) in the test process, on 127.0.0.1 and a port the system picks, that keeps
/// every message it takes and misbehaves when a test asks it to: refuses an address with 550, answers 421 instead of
/// its greeting, takes a message and then drops the connection before its final reply, or answers slowly.
/// </summary>
public sealed class LocalSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<ReceivedEmail> received = new();
    private readonly ConcurrentDictionary<string, bool> refusedRecipients = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock faults = new();
    private int sessionsToRefuse;
    private string refusalText = "";
    private int messagesToDrop;
    private TimeSpan answerDelay;
    private int sessions;
    private Task running = Task.CompletedTask;

    private LocalSmtpServer()
    {
    }

    public string Host => "127.0.0.1";

    public int Port { get; private set; }

    /// <summary>The messages taken so far, in order of arrival.</summary>
    public IReadOnlyList<ReceivedEmail> Received => [.. received];

    /// <summary>Connections accepted so far, refused ones included.</summary>
    public int Sessions => Volatile.Read(ref sessions);

    public static async Task<LocalSmtpServer> StartAsync()
    {
        var server = new LocalSmtpServer();
        var listening = new TaskCompletionSource<IPEndPoint>(TaskCreationOptions.RunContinuationsAsynchronously);
        var services = new ServiceProvider();
        services.Add(new ListenerFactory(server, listening));
        services.Add(new RecipientFilter(server));
        services.Add(new Store(server));
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, 0)))
            .Build();
        server.running = new SmtpServerHost(options, services).StartAsync(server.stopping.Token);
        server.Port = (await listening.Task.WaitAsync(TimeSpan.FromSeconds(10))).Port;
        return server;
    }

    /// <summary>RCPT TO for this address is answered "550 mailbox unavailable".</summary>
    public void RejectRecipient(string address) => refusedRecipients[address] = true;

    /// <summary>The next <paramref name="count"/> connections get "421 {text}" instead of the greeting and are closed (RFC 5321 §3.1).</summary>
    public void RefuseNextSessions(int count, string text = "localhost Service not available, closing transmission channel")
    {
        lock (faults)
        {
            sessionsToRefuse = count;
            refusalText = text;
        }
    }

    /// <summary>The next message is taken (and kept) but the connection is closed before the server's "250" for it: the answer is lost.</summary>
    public void DropConnectionAfterNextMessage() => Interlocked.Exchange(ref messagesToDrop, 1);

    /// <summary>From now on the reply to each message's end comes only after <paramref name="delay"/>; a message is kept once answered.</summary>
    public void AnswerSlowly(TimeSpan delay)
    {
        lock (faults)
        {
            answerDelay = delay;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try
        {
            await running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }
        stopping.Dispose();
    }

    private bool TryTakeRefusal(out string text)
    {
        lock (faults)
        {
            text = refusalText;
            if (sessionsToRefuse == 0)
            {
                return false;
            }
            sessionsToRefuse--;
            return true;
        }
    }

    private TimeSpan AnswerDelay
    {
        get
        {
            lock (faults)
            {
                return answerDelay;
            }
        }
    }

    private sealed class ListenerFactory(LocalSmtpServer server, TaskCompletionSource<IPEndPoint> listening) : EndpointListenerFactory
    {
        public override IEndpointListener CreateListener(IEndpointDefinition endpointDefinition) =>
            new RefusingListener(base.CreateListener(endpointDefinition), server);

        protected override void OnEndpointStarted(EndpointEventArgs args)
        {
            listening.TrySetResult((IPEndPoint)args.LocalEndPoint);
            base.OnEndpointStarted(args);
        }
    }

    /// <summary>Answers a refused connection itself, before the SMTP session (and its "220" greeting) begins.</summary>
    private sealed class RefusingListener(IEndpointListener inner, LocalSmtpServer server) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            while (true)
            {
                var pipe = await inner.GetPipeAsync(context, cancellationToken);
                Interlocked.Increment(ref server.sessions);
                if (!server.TryTakeRefusal(out var text))
                {
                    return pipe;
                }
                await pipe.Output.WriteAsync(Encoding.ASCII.GetBytes($"421 {text}\r\n"), cancellationToken);
                pipe.Dispose();
                // The inner listener notes each connection's end points in the session's properties; the next connection notes its own.
                context.Properties.Remove(EndpointListener.LocalEndPointKey);
                context.Properties.Remove(EndpointListener.RemoteEndPointKey);
            }
        }

        public void Dispose() => inner.Dispose();
    }

    private sealed class RecipientFilter(LocalSmtpServer server) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!server.refusedRecipients.ContainsKey(to.AsAddress()));
    }

    private sealed class Store(LocalSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (server.AnswerDelay > TimeSpan.Zero)
            {
                await Task.Delay(server.AnswerDelay, cancellationToken);
            }
            var raw = buffer.ToArray();
            var message = await MimeMessage.LoadAsync(new MemoryStream(raw), cancellationToken);
            server.received.Enqueue(new ReceivedEmail(transaction.From.AsAddress(), [.. transaction.To.Select(to => to.AsAddress())], raw, message));
            if (Interlocked.Exchange(ref server.messagesToDrop, 0) == 1)
            {
                // Closes the socket: the "250" the session writes next never reaches the client.
                context.Pipe.Dispose();
            }
            return SmtpResponse.Ok;
        }
    }
}
